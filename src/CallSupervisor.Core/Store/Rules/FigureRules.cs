using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>
/// Keeps the <see cref="FigureLedger"/> from what one change did: visits that ended, calls that ended (their handling),
/// agents who left a state (their time in it, and a wrap-up's length). Pure: the ledger, the thing before and after,
/// and the time.
/// </summary>
internal static class FigureRules
{
    /// <summary>The ledger after <paramref name="after"/> replaced <paramref name="before"/>.</summary>
    public static FigureLedger Call(FigureLedger ledger, Call? before, Call after, DateTimeOffset at)
    {
        var visits = after.Journey.Visits;
        var previous = before?.Journey.Visits ?? [];
        if (ReferenceEquals(visits, previous) && (before is null || !before.IsLive || after.IsLive))
        {
            return ledger;
        }
        for (var i = 0; i < visits.Count; i++)
        {
            if (visits[i].Until is not null && (i >= previous.Count || previous[i].Until is null))
            {
                ledger = Tally(ledger, visits[i].QueueId, visits[i].From, t => t.With(visits[i], visits[0].From)) with
                {
                    RecentVisits = Recent(ledger.RecentVisits.Add(visits[i]), at),
                };
            }
        }
        if (!after.IsLive && before is { IsLive: true } && after.AnsweredAt is not null && AnsweringVisit(after) is { } answering)
        {
            var (talk, hold) = after.TalkAndHold(after.EndedAt ?? at);
            ledger = Tally(ledger, answering.QueueId, answering.From, t => t.WithHandled(talk, hold));
        }
        return Prune(ledger, at);
    }

    /// <summary>The visit the caller was answered from (the last answered one), if any.</summary>
    public static QueueVisit? AnsweringVisit(Call call) => call.Journey.Visits.FindLast(v => v.Outcome == VisitOutcome.Answered);

    /// <summary>
    /// The agent as it is after <paramref name="next"/> replaced <paramref name="previous"/> (its day's time in the state it
    /// left), and the ledger with that time by interval and a wrap-up that ended counted where its call's handling is.
    /// </summary>
    public static (Agent Agent, FigureLedger Ledger) Agent(FigureLedger ledger, Agent? previous, Agent next, TimeZoneInfo zone)
    {
        if (previous is null || (previous.State == next.State && previous.StateSince == next.StateSince))
        {
            return (next, ledger);
        }
        var from = previous.StateSince;
        var until = next.StateSince;
        if (until <= from)
        {
            return (next, ledger);
        }
        // Today's part only: a span across midnight counts from midnight (Agent.On started the day's counters again).
        var dayStart = IntervalClock.DayStart(until, zone);
        var todayFrom = from < dayStart ? dayStart : from;
        next = next with { TimeToday = next.TimeToday.Plus(previous.State, until - todayFrom) };
        ledger = Spread(ledger, previous.State, from, until);
        if (previous.State == AgentState.WrapUp && previous.WrapUpOf is { } wrapped)
        {
            var wrapUp = until - from;
            // In today's handle time only if the call was handled today (its wrap-up began today): a wrap-up running
            // past midnight belongs with yesterday's handled call, not in the average of today's.
            if (from >= dayStart)
            {
                next = next with { HandleTimeToday = next.HandleTimeToday + wrapUp };
            }
            if (wrapped is { QueueId: { } queue, Interval: { } interval })
            {
                ledger = Tally(ledger, queue, interval, t => t.WithWrapUp(wrapUp));
            }
        }
        return (next, Prune(ledger, until));
    }

    private static FigureLedger Spread(FigureLedger ledger, AgentState state, DateTimeOffset from, DateTimeOffset until)
    {
        var oldest = until - FigureLedger.Kept;
        var start = IntervalClock.StartOf(from < oldest ? oldest : from);
        var states = ledger.AgentStates;
        for (; start < until; start += IntervalClock.Width)
        {
            var spanFrom = from > start ? from : start;
            var end = start + IntervalClock.Width;
            var spanUntil = until < end ? until : end;
            if (spanUntil <= spanFrom)
            {
                continue;
            }
            var index = states.FindLastIndex(s => s.Start == start);
            states = index >= 0
                ? states.SetItem(index, states[index] with { Time = states[index].Time.Plus(state, spanUntil - spanFrom) })
                : Insert(states, new AgentStateTally(start, AgentTime.Zero.Plus(state, spanUntil - spanFrom)));
        }
        return ledger with { AgentStates = states };
    }

    private static System.Collections.Immutable.ImmutableList<AgentStateTally> Insert(System.Collections.Immutable.ImmutableList<AgentStateTally> states, AgentStateTally tally)
    {
        var at = states.FindLastIndex(s => s.Start < tally.Start) + 1;
        return states.Insert(at, tally);
    }

    private static FigureLedger Tally(FigureLedger ledger, string queueId, DateTimeOffset at, Func<IntervalTally, IntervalTally> change)
    {
        var start = IntervalClock.StartOf(at);
        var index = ledger.Intervals.FindLastIndex(t => t.Start == start && t.QueueId == queueId);
        if (index >= 0)
        {
            return ledger with { Intervals = ledger.Intervals.SetItem(index, change(ledger.Intervals[index])) };
        }
        var position = ledger.Intervals.FindLastIndex(t => t.Start <= start) + 1;
        return ledger with { Intervals = ledger.Intervals.Insert(position, change(new IntervalTally(queueId, start))) };
    }

    private static System.Collections.Immutable.ImmutableList<QueueVisit> Recent(System.Collections.Immutable.ImmutableList<QueueVisit> visits, DateTimeOffset now)
    {
        var oldest = now - FigureLedger.RecentKept;
        var drop = 0;
        while (drop < visits.Count && visits[drop].Until < oldest)
        {
            drop++;
        }
        return drop == 0 ? visits : visits.RemoveRange(0, drop);
    }

    // Oldest first in both lists, so the expired ones are a prefix.
    private static FigureLedger Prune(FigureLedger ledger, DateTimeOffset now)
    {
        var oldest = IntervalClock.StartOf(now - FigureLedger.Kept);
        var intervals = ledger.Intervals;
        var drop = 0;
        while (drop < intervals.Count && intervals[drop].Start < oldest)
        {
            drop++;
        }
        var states = ledger.AgentStates;
        var dropStates = 0;
        while (dropStates < states.Count && states[dropStates].Start < oldest)
        {
            dropStates++;
        }
        return drop == 0 && dropStates == 0 ? ledger : ledger with
        {
            Intervals = drop == 0 ? intervals : intervals.RemoveRange(0, drop),
            AgentStates = dropStates == 0 ? states : states.RemoveRange(0, dropStates),
        };
    }
}
