using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Web.Agents;

/// <summary>
/// One agent as the agent API shows it: the directory's entry (id, name, identity in calls, queues) and the state the
/// event log gives them. <see cref="State"/> is what the board shows (a call says more than the agent's own
/// <see cref="Presence"/>); <see cref="Since"/> is when that state began, null while the log has not heard of the agent.
/// The counters are for today (UTC).
/// </summary>
public sealed record AgentView(
    string Id,
    string Name,
    string Identity,
    ImmutableArray<string> Queues,
    string State,
    DateTimeOffset? Since,
    string Presence,
    string? Reason,
    string? CallId,
    DateTimeOffset? CallSince,
    string? OfferedCallId,
    DateTimeOffset? OfferedSince,
    int HandledToday,
    int MissedToday,
    int MissedInARow)
{
    public static AgentView From(AgentProfile profile, Agent? agent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (agent is null)
        {
            // Nothing in the log yet: offline, as the fold starts every agent.
            return new(profile.Id, profile.Name, profile.Identity.RawId, profile.Queues, nameof(AgentState.Offline), null,
                nameof(AgentPresence.Offline), null, null, null, null, null, 0, 0, 0);
        }
        // Yesterday's counters are not today's: the fold starts them again only with the agent's next change.
        var today = agent.On(now);
        return new(profile.Id, profile.Name, profile.Identity.RawId, profile.Queues, agent.State.ToString(), agent.StateSince,
            agent.Presence.ToString(), agent.Reason, agent.CallId?.Value, agent.CallSince, agent.OfferCallId?.Value, agent.OfferSince,
            today.HandledToday, today.MissedToday, agent.MissedInARow);
    }
}

/// <summary>The body of <c>PUT /api/agents/{id}/state</c>: <c>{"state":"Available"|"Away"|"Offline","reason":"…"}</c>.</summary>
public sealed record AgentStateRequest(string? State, string? Reason);

/// <summary>
/// The answer to a state change: the agent as the change left them, whether it shows now, and if not why — an agent on
/// a call (or offered one) stays on it, and the new state takes effect when the call ends.
/// </summary>
public sealed record AgentStateResult(AgentView Agent, bool EffectiveNow, string Message);
