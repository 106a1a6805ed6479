using System.Collections.Immutable;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Routing;

/// <summary>
/// A queue callers wait in. <see cref="MenuDigit"/> is the menu key that leads here; <see cref="Priority"/> orders
/// queues when one agent could take callers of several (higher first). <see cref="MaxWait"/> with
/// <see cref="OverflowQueue"/>: a caller still waiting after that long moves to the other queue (and keeps their
/// place by arrival time there).
/// </summary>
public sealed record QueueProfile(string Id, string Name, string? MenuDigit = null, int Priority = 0, TimeSpan? MaxWait = null, string? OverflowQueue = null);

/// <summary>An agent: their id (used in the agent API), the name shown everywhere, their identity in calls, and the queues they serve.</summary>
public sealed record AgentProfile(string Id, string Name, CommunicationIdentifier Identity, ImmutableArray<string> Queues)
{
    /// <summary>
    /// The object id (Entra's <c>oid</c> claim) of the signed-in user who is this agent in the agent API, if set. A
    /// Teams agent (<c>8:orgid:&lt;object id&gt;</c>) is their own user without it: see <see cref="SignInId"/>.
    /// </summary>
    public string? UserId { get; init; }

    /// <summary>
    /// The object id of the user who may act as this agent: <see cref="UserId"/>, else a Teams user's own object id —
    /// the raw id of a Teams user is <c>8:orgid:</c> followed by the same Entra object id their sign-in carries.
    /// </summary>
    public string? SignInId => UserId is { Length: > 0 } set ? set
        : Identity.Kind == IdentifierKind.MicrosoftTeamsUser && Guid.TryParse(Identity.Value, out _) ? Identity.Value
        : null;
}

/// <summary>
/// A supervisor's own endpoint, to listen in, join or take calls with: the signed-in user (<see cref="UserId"/>, their
/// object id), the name shown in calls, and their ACS user, phone or Teams identity. <see cref="Key"/> names them
/// where they take a call as its agent.
/// </summary>
public sealed record SupervisorProfile(string Key, string UserId, string Name, CommunicationIdentifier Identity);

/// <summary>The queues, agents and supervisors' endpoints of the contact center, from configuration.</summary>
public sealed record ContactCenterDirectory(ImmutableArray<QueueProfile> Queues, ImmutableArray<AgentProfile> Agents) : IActionDirectory
{
    /// <summary>The supervisors' own endpoints.</summary>
    public ImmutableArray<SupervisorProfile> Supervisors { get; init; } = [];

    public static ContactCenterDirectory Empty { get; } = new([], []);

    private ImmutableDictionary<string, AgentProfile> AgentsById { get; } =
        Agents.ToImmutableDictionary(a => a.Id, StringComparer.Ordinal);

    private ImmutableDictionary<string, AgentProfile> AgentsByRawId { get; } =
        Agents.GroupBy(a => a.Identity.RawId, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Where callers go when the menu gives no known key: the first queue.</summary>
    public QueueProfile? DefaultQueue => Queues.IsEmpty ? null : Queues[0];

    public QueueProfile? Queue(string? id) => id is null ? null : Queues.FirstOrDefault(q => q.Id == id);

    /// <summary>The queue the menu key leads to, else the default queue.</summary>
    public QueueProfile? QueueForKeys(string? keys) =>
        (keys is { Length: > 0 } ? Queues.FirstOrDefault(q => q.MenuDigit is { } digit && keys.StartsWith(digit, StringComparison.Ordinal)) : null)
        ?? DefaultQueue;

    public AgentProfile? Agent(string id) => AgentsById.GetValueOrDefault(id);

    public AgentProfile? AgentByRawId(string rawId) => AgentsByRawId.GetValueOrDefault(rawId);

    /// <summary>
    /// The agent a signed-in user is, by their object id (<see cref="AgentProfile.SignInId"/>; object ids are GUIDs, so
    /// compared without case), or null.
    /// </summary>
    public Endpoint? AgentEndpoint(string agentId) => Agent(agentId) is { } a ? new Endpoint(a.Id, a.Name, a.Identity) : null;

    /// <summary>The user's own endpoint: theirs among the supervisors, else the agent they are (an agent who supervises).</summary>
    public Endpoint? SupervisorEndpoint(string userId)
    {
        if (Supervisors.FirstOrDefault(s => string.Equals(s.UserId, userId, StringComparison.OrdinalIgnoreCase)) is { } supervisor)
        {
            return new Endpoint(supervisor.Key, supervisor.Name, supervisor.Identity);
        }
        return AgentForUser(userId) is { } agent ? new Endpoint(agent.Id, agent.Name, agent.Identity) : null;
    }

    public AgentProfile? AgentForUser(string? userId) =>
        userId is { Length: > 0 } ? Agents.FirstOrDefault(a => string.Equals(a.SignInId, userId, StringComparison.OrdinalIgnoreCase)) : null;
}
