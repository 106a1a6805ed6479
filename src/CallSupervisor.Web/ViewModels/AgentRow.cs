using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// One agent as the Agents page and the hub show them: the directory's name and queues, the log's state. An agent the
/// log has not told of yet is <see cref="AgentState.Offline"/> with no <see cref="Since"/>.
/// </summary>
public sealed record AgentRow(
    string AgentId,
    string Name,
    AgentState State,
    DateTimeOffset? Since,
    CallId? CallId,
    CallId? OfferedCallId,
    ImmutableArray<string> Queues,
    int HandledToday,
    int MissedToday,
    int MissedInARow,
    string? Reason)
{
    /// <summary>The agent's own word (available, away, offline), whatever call they are on.</summary>
    public AgentPresence Presence { get; init; } = AgentPresence.Offline;

    /// <summary>
    /// Every agent of the directory in its order, then any the log knows that the directory no longer lists (named
    /// by id), so nobody on a call disappears from the page because configuration changed.
    /// </summary>
    public static IReadOnlyList<AgentRow> All(ContactCenterDirectory directory, CallsSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(snapshot);
        var rows = new List<AgentRow>(directory.Agents.Length + 1);
        foreach (var profile in directory.Agents)
        {
            rows.Add(From(profile.Id, profile.Name, profile.Queues, snapshot.Agents.GetValueOrDefault(profile.Id), now));
        }
        foreach (var agent in snapshot.Agents.Values.OrderBy(a => a.AgentId, StringComparer.Ordinal))
        {
            if (directory.Agent(agent.AgentId) is null)
            {
                // A supervisor who took a call is named as the directory names them.
                var name = directory.Supervisors.FirstOrDefault(s => s.Key == agent.AgentId)?.Name ?? agent.AgentId;
                rows.Add(From(agent.AgentId, name, [], agent, now));
            }
        }
        return rows;
    }

    private static AgentRow From(string id, string name, ImmutableArray<string> queues, Agent? agent, DateTimeOffset now)
    {
        if (agent is null)
        {
            return new AgentRow(id, name, AgentState.Offline, null, null, null, queues, 0, 0, 0, null);
        }
        // Counters are the day's: an agent last heard of yesterday has handled nothing today.
        var today = agent.On(now);
        return new AgentRow(
            id, name, today.State, today.StateSince, today.CallId, today.OfferCallId, queues,
            today.HandledToday, today.MissedToday, today.MissedInARow, today.State == AgentState.Away ? today.Reason : null)
        {
            Presence = today.Presence,
        };
    }

    /// <summary>The state as a person reads it.</summary>
    public static string StateText(AgentState state) => state switch
    {
        AgentState.OnCall => "On call",
        AgentState.WrapUp => "Wrap-up",
        _ => state.ToString(),
    };

    /// <summary>Busy with a call: ringing, talking or wrapping up.</summary>
    public bool IsBusy => State is AgentState.Offered or AgentState.OnCall or AgentState.WrapUp;
}
