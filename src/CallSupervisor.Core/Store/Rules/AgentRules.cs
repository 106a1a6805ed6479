using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>
/// Agents as the calls and their own word make them: offered when an offer to them is planned, on the call when they
/// join it, wrapping up when it ends for them; available, away or offline as they (or a supervisor, or the router)
/// say. Pure: the agents before, the call before and after one event, and the event's time.
/// </summary>
internal static class AgentRules
{
    public static Agent Presence(Agent agent, AgentStateChanged e, TimeZoneInfo zone)
    {
        var at = e.OccurredAt;
        agent = agent.On(at, zone);
        return e.Presence switch
        {
            AgentPresence.Available => agent with
            {
                Presence = e.Presence,
                Reason = e.Reason,
                PresenceSince = at,
                WrapUpSince = null,
                MissedInARow = 0,
                IdleSince = agent.State == AgentState.Available ? agent.IdleSince ?? at : at,
            },
            _ => agent with { Presence = e.Presence, Reason = e.Reason, PresenceSince = at, WrapUpSince = null, IdleSince = null },
        };
    }

    /// <summary>The agents one call's change touched, as they are after it.</summary>
    public static IEnumerable<Agent> Follow(Func<string, Agent> agent, Call? before, Call after, DateTimeOffset at, TimeZoneInfo zone)
    {
        var changed = new Dictionary<string, Agent>(StringComparer.Ordinal);
        Agent Current(string id) => changed.TryGetValue(id, out var a) ? a : agent(id).On(at, zone);

        if (before?.Offer is { } ended && after.Offer?.OperationContext != ended.OperationContext)
        {
            var a = Current(ended.AgentId);
            if (a.OfferCallId == after.CallId)
            {
                a = a with { OfferCallId = null, OfferSince = null };
                if (after.AgentId == ended.AgentId)
                {
                    a = a with { CallId = after.CallId, CallSince = at, MissedInARow = 0, IdleSince = null };
                }
                else if (after.MissedOffers > before.MissedOffers)
                {
                    // An offer ACS refused (OfferFailed) still counts in a row, so an agent whose endpoint fails is set
                    // away rather than offered every call; the day's missed offers are the agent's own (declined or not
                    // answered, OfferAttempt.Missed), as the call records count them.
                    var missed = after.Journey.Offers.FindLast(o => o.AgentId == ended.AgentId && o.At == ended.PlannedAt)?.Missed ?? true;
                    a = a with { MissedInARow = a.MissedInARow + 1, MissedToday = a.MissedToday + (missed ? 1 : 0), IdleSince = at };
                }
                else
                {
                    a = a with { IdleSince = at };
                }
                changed[a.AgentId] = a;
            }
        }
        if (after.Offer is { } offered && before?.Offer?.OperationContext != offered.OperationContext)
        {
            changed[offered.AgentId] = Current(offered.AgentId) with { OfferCallId = after.CallId, OfferSince = at, IdleSince = null };
        }
        if (before is { AgentId: { } previous, AgentLeftAt: null, IsLive: true } && after.AgentId != previous)
        {
            // Handed over (a transfer): the previous agent's part of the call is over.
            var a = Current(previous);
            if (a.CallId == after.CallId)
            {
                changed[previous] = Handled(a, after, at);
            }
        }
        if (after.AgentId is { } taker && (!after.IsLive || after.AgentLeftAt is not null)
            && (before is null || before.IsLive && before.AgentLeftAt is null))
        {
            var a = Current(taker);
            if (a.CallId == after.CallId)
            {
                changed[taker] = Handled(a, after, at);
            }
        }
        return changed.Values;
    }

    /// <summary>
    /// The agent's part of the call is over: one more handled, its talk and hold in their handle time, and wrapping up
    /// — the wrap-up's length will count where the call's handling counts (its answering visit's queue and interval).
    /// </summary>
    private static Agent Handled(Agent a, Call call, DateTimeOffset at)
    {
        var part = a.CallSince is { } since && at > since ? at - since : TimeSpan.Zero;
        // A call's wrap-up is its answering agent's (as its record keeps it): the wrap-up of an agent the call was
        // transferred to counts in their own handle time, not again in the queue's.
        var answering = call.Journey.Offers.FirstOrDefault(o => o.Outcome == OfferOutcome.Accepted) is { } first && first.AgentId != a.AgentId
            ? null
            : FigureRules.AnsweringVisit(call);
        return a with
        {
            CallId = null,
            CallSince = null,
            WrapUpSince = at,
            HandledToday = a.HandledToday + 1,
            HandleTimeToday = a.HandleTimeToday + part,
            WrapUpOf = new WrapUpOf(call.CallId, answering?.QueueId, answering?.From is { } from ? IntervalClock.StartOf(from) : null),
        };
    }
}
