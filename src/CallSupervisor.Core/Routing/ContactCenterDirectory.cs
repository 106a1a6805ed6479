using System.Collections.Immutable;
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
public sealed record AgentProfile(string Id, string Name, CommunicationIdentifier Identity, ImmutableArray<string> Queues);

/// <summary>The queues and agents of the contact center, from configuration.</summary>
public sealed record ContactCenterDirectory(ImmutableArray<QueueProfile> Queues, ImmutableArray<AgentProfile> Agents)
{
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
}
