using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Actions;

/// <summary>Someone an action can bring into a call: their key (an agent's id), the name shown, and their identity in calls.</summary>
public sealed record Endpoint(string Key, string Name, CommunicationIdentifier Identity);

/// <summary>
/// Who actions can bring into a call, from configuration: the agents, and each supervisor's own endpoint (their ACS
/// user, phone or Teams identity) to listen in, join or take a call with.
/// </summary>
public interface IActionDirectory
{
    /// <summary>The agent with this id, or null.</summary>
    Endpoint? AgentEndpoint(string agentId);

    /// <summary>The endpoint of the signed-in user with this object id (a supervisor, or an agent who supervises), or null.</summary>
    Endpoint? SupervisorEndpoint(string userId);
}

/// <summary>No one: a directory for boards without a contact center.</summary>
public sealed class NoActionDirectory : IActionDirectory
{
    public static NoActionDirectory Instance { get; } = new();

    public Endpoint? AgentEndpoint(string agentId) => null;

    public Endpoint? SupervisorEndpoint(string userId) => null;
}
