using CallSupervisor.Core.Settings;
using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Core.Figures;

/// <summary>
/// The day's figures, defined once: pure functions of the store's snapshot (its <see cref="FigureLedger"/>, live calls
/// and agents), the directory, the targets and the clock. The Today page, the wallboard, the hub and the reports all
/// read them from here; the definitions are written on <see cref="QueueToday"/>.
/// </summary>
public static class DayFigures
{
    /// <summary>The day (in <paramref name="zone"/>) of <paramref name="now"/> so far.</summary>
    public static TodayFigures Today(CallsSnapshot snapshot, ContactCenterDirectory directory, Targets targets, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(zone);
        var dayStart = IntervalClock.DayStart(now, zone);
        var tallies = snapshot.Figures.Intervals.Where(t => t.Start >= dayStart).ToList();
        // Everyone waiting now is shown waiting (and in the longest wait); only those who entered their queue today are
        // counted in today's offered and service level — a caller queued before midnight counts in yesterday's interval.
        var open = OpenVisits(snapshot).ToList();
        var waiting = open.Where(v => v.From >= dayStart).ToList();
        var agents = AgentsToday(snapshot, directory, zone, dayStart, now);

        var queueIds = directory.Queues.Select(q => q.Id)
            .Concat(tallies.Select(t => t.QueueId).Concat(open.Select(v => v.QueueId)).Where(id => directory.Queue(id) is null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .ToList();
        var queues = queueIds.Select(id =>
        {
            var members = agents.Where(a => directory.Agent(a.AgentId) is { } profile && profile.Queues.Contains(id)).ToList();
            return Queue(id, directory.Queue(id)?.Name ?? id, targets.For(id), tallies.Where(t => t.QueueId == id), waiting.Where(v => v.QueueId == id), open.Where(v => v.QueueId == id), members, now);
        }).ToList();
        var total = Total(queues, targets.Default, agents);

        var intervals = IntervalsToday(tallies, waiting, queueIds, targets, dayStart, now);
        return new TodayFigures(dayStart, now, [.. queues.Select(q => q.Figures)], total, [.. agents], [.. intervals], QueueLength(snapshot, queueIds, now), AgentStates(snapshot, dayStart, now));
    }

    /// <summary>
    /// The tallies of kept call records (a report over any days): each ended visit in the interval the caller entered
    /// its queue, each answered call's handling (and wrap-up) in its answering visit's.
    /// </summary>
    public static IReadOnlyList<IntervalTally> Tally(IEnumerable<CallRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var tallies = new Dictionary<(string, DateTimeOffset), IntervalTally>();
        IntervalTally Get(string queue, DateTimeOffset at)
        {
            var key = (queue, IntervalClock.StartOf(at));
            return tallies.TryGetValue(key, out var tally) ? tally : new IntervalTally(queue, key.Item2);
        }
        foreach (var record in records)
        {
            foreach (var visit in record.Visits)
            {
                if (visit.Until is not null)
                {
                    tallies[(visit.QueueId, IntervalClock.StartOf(visit.From))] = Get(visit.QueueId, visit.From).With(visit, record.Visits[0].From);
                }
            }
            if (record.Outcome == CallOutcome.Answered && record.Visits.LastOrDefault(v => v.Outcome == VisitOutcome.Answered) is { } answering)
            {
                tallies[(answering.QueueId, IntervalClock.StartOf(answering.From))] = Get(answering.QueueId, answering.From)
                    .WithHandled(record.Talk, record.Hold).WithWrapUp(record.WrapUp ?? TimeSpan.Zero);
            }
        }
        return [.. tallies.Values.OrderBy(t => t.Start).ThenBy(t => t.QueueId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The figures of each tally's interval (by queue, oldest first), then of all queues together per interval
    /// (<see cref="IntervalFigures.QueueId"/> null), with the service level so far of each day in <paramref name="zone"/>.
    /// </summary>
    public static IReadOnlyList<IntervalFigures> Intervals(IEnumerable<IntervalTally> tallies, Targets targets, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(zone);
        var list = tallies.ToList();
        var figures = new List<IntervalFigures>();
        foreach (var queue in list.GroupBy(t => t.QueueId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            figures.AddRange(Series(queue.Key, queue.Select(t => new Slot(t.Start, [new Share(t, [], targets.For(t.QueueId))])), zone, DateTimeOffset.MaxValue));
        }
        figures.AddRange(Series(null, list.GroupBy(t => t.Start).Select(g => new Slot(g.Key, [.. g.Select(t => new Share(t, [], targets.For(t.QueueId)))])), zone, DateTimeOffset.MaxValue));
        return figures;
    }

    // One queue's (or all queues') share of an interval: its tally, the callers still waiting who entered then, its targets.
    private sealed record Share(IntervalTally Tally, IReadOnlyList<QueueVisit> Waiting, QueueTargets Targets);

    private sealed record Slot(DateTimeOffset Start, IReadOnlyList<Share> Shares);

    // What the figures of a set of tallies and waiting callers add up to.
    private readonly record struct Sums(
        int Answered, int AnsweredInTarget, int Abandoned, int ShortAbandoned, int Overflowed, int Waiting, int WaitingPastTarget,
        TimeSpan AnswerTotal, TimeSpan AnswerLongest, int Handled, TimeSpan Handle)
    {
        public int Offered => Answered + Abandoned + ShortAbandoned + Overflowed + Waiting;

        public double? AbandonmentRate => Answered + Abandoned > 0 ? (double)Abandoned / (Answered + Abandoned) : null;

        public double? ServiceLevel => Answered + Abandoned + WaitingPastTarget > 0 ? (double)AnsweredInTarget / (Answered + Abandoned + WaitingPastTarget) : null;

        public TimeSpan? AverageSpeedOfAnswer => Answered > 0 ? AnswerTotal / Answered : null;

        public TimeSpan? LongestSpeedOfAnswer => Answered > 0 ? AnswerLongest : null;

        public TimeSpan? AverageHandleTime => Handled > 0 ? Handle / Handled : null;

        public Sums Plus(Sums other) => new(
            Answered + other.Answered, AnsweredInTarget + other.AnsweredInTarget, Abandoned + other.Abandoned, ShortAbandoned + other.ShortAbandoned,
            Overflowed + other.Overflowed, Waiting + other.Waiting, WaitingPastTarget + other.WaitingPastTarget, AnswerTotal + other.AnswerTotal,
            AnswerLongest > other.AnswerLongest ? AnswerLongest : other.AnswerLongest, Handled + other.Handled, Handle + other.Handle);

        public static Sums Of(IEnumerable<Share> shares, DateTimeOffset now)
        {
            var sums = default(Sums);
            foreach (var (tally, waiting, targets) in shares)
            {
                var shortAbandons = tally.ShortAbandoned(targets.ShortAbandon);
                sums = sums with
                {
                    Answered = sums.Answered + tally.Answered,
                    AnsweredInTarget = sums.AnsweredInTarget + tally.AnsweredWithin(targets.AnswerWithin),
                    Abandoned = sums.Abandoned + tally.Abandoned - shortAbandons,
                    ShortAbandoned = sums.ShortAbandoned + shortAbandons,
                    Overflowed = sums.Overflowed + tally.Overflowed,
                    Waiting = sums.Waiting + waiting.Count,
                    // Past the target in whole seconds, as answers are counted within it (IntervalTally.AnsweredWithin):
                    // a caller 20.5 s in is not yet against a 20 s target that an answer now would meet.
                    WaitingPastTarget = sums.WaitingPastTarget + waiting.Count(v => Math.Floor((now - v.From).TotalSeconds) > targets.AnswerWithin.TotalSeconds),
                    AnswerTotal = sums.AnswerTotal + tally.AnswerTotal,
                    AnswerLongest = tally.AnswerLongest > sums.AnswerLongest ? tally.AnswerLongest : sums.AnswerLongest,
                    Handled = sums.Handled + tally.Handled,
                    Handle = sums.Handle + tally.Talk + tally.Hold + tally.WrapUp,
                };
            }
            return sums;
        }
    }

    // waiting: today's callers still waiting (in the sums); waitingNow: every caller waiting now, whenever they queued.
    private static (QueueToday Figures, Sums Sums) Queue(string id, string name, QueueTargets targets, IEnumerable<IntervalTally> tallies, IEnumerable<QueueVisit> waiting, IEnumerable<QueueVisit> waitingNow, IReadOnlyList<AgentToday> members, DateTimeOffset now)
    {
        var open = waitingNow.ToList();
        var sums = Sums.Of([.. tallies.Select(t => new Share(t, [], targets)), new Share(new IntervalTally(id, now), [.. waiting], targets)], now);
        TimeSpan? longest = open.Count > 0 ? open.Max(v => now - v.From) : null;
        return (Figures(id, name, targets, sums, open.Count, longest, members), sums);
    }

    private static QueueToday Figures(string? id, string name, QueueTargets targets, Sums sums, int waitingNow, TimeSpan? longestWait, IReadOnlyList<AgentToday> agents) => new(
        id, name, targets, sums.Offered, sums.Answered, sums.Abandoned, sums.ShortAbandoned, sums.Overflowed,
        sums.AbandonmentRate, sums.ServiceLevel, sums.AverageSpeedOfAnswer, sums.LongestSpeedOfAnswer, sums.AverageHandleTime, sums.Handled,
        waitingNow, longestWait, Count(agents), Occupancy(agents));

    // Each queue's callers were counted against its own target; the total adds what each counted. A caller moved to
    // another queue entered both: the total counts them once (Sums.Offered less the overflows).
    private static QueueToday Total(IReadOnlyList<(QueueToday Figures, Sums Sums)> queues, QueueTargets targets, IReadOnlyList<AgentToday> agents)
    {
        var sums = queues.Aggregate(default(Sums), (sum, q) => sum.Plus(q.Sums));
        var total = Figures(null, "All queues", targets, sums, queues.Sum(q => q.Figures.WaitingNow), queues.Max(q => q.Figures.LongestWaitNow), agents);
        return total with { Offered = sums.Offered - sums.Overflowed };
    }

    private static AgentCounts Count(IEnumerable<AgentToday> agents)
    {
        int available = 0, offered = 0, onCall = 0, wrapUp = 0, away = 0, offline = 0;
        foreach (var agent in agents)
        {
            switch (agent.State)
            {
                case AgentState.Available: available++; break;
                case AgentState.Offered: offered++; break;
                case AgentState.OnCall: onCall++; break;
                case AgentState.WrapUp: wrapUp++; break;
                case AgentState.Away: away++; break;
                default: offline++; break;
            }
        }
        return new AgentCounts(available, offered, onCall, wrapUp, away, offline);
    }

    private static double? Occupancy(IEnumerable<AgentToday> agents) =>
        agents.Aggregate(AgentTime.Zero, (sum, a) => sum.Plus(a.Time)).Occupancy;

    /// <summary>Callers waiting now (their open visit).</summary>
    private static IEnumerable<QueueVisit> OpenVisits(CallsSnapshot snapshot)
    {
        foreach (var call in snapshot.Calls.Values)
        {
            if (call.IsLive && call.Journey.LastVisit is { Until: null } open)
            {
                yield return open;
            }
        }
    }

    private static List<AgentToday> AgentsToday(CallsSnapshot snapshot, ContactCenterDirectory directory, TimeZoneInfo zone, DateTimeOffset dayStart, DateTimeOffset now)
    {
        var today = IntervalClock.Day(now, zone);
        var ids = directory.Agents.Select(a => a.Id).Concat(snapshot.Agents.Keys.Where(k => directory.Agent(k) is null).Order(StringComparer.Ordinal));
        var list = new List<AgentToday>();
        foreach (var id in ids)
        {
            var agent = snapshot.Agents.GetValueOrDefault(id) ?? Agent.Unknown(id, dayStart, zone);
            var counted = agent.Day == today;
            var since = agent.StateSince < dayStart ? dayStart : agent.StateSince;
            var time = (counted ? agent.TimeToday : AgentTime.Zero).Plus(agent.State, now - since);
            var handled = counted ? agent.HandledToday : 0;
            var handle = counted ? agent.HandleTimeToday : TimeSpan.Zero;
            list.Add(new AgentToday(id, directory.Agent(id)?.Name ?? id, agent.State, agent.StateSince, handled,
                handled > 0 ? handle / handled : null, counted ? agent.MissedToday : 0, time));
        }
        return list;
    }

    private static List<IntervalFigures> IntervalsToday(List<IntervalTally> tallies, List<QueueVisit> waiting, List<string> queueIds, Targets targets, DateTimeOffset dayStart, DateTimeOffset now)
    {
        var starts = new List<DateTimeOffset>();
        for (var start = dayStart; start <= now; start += IntervalClock.Width)
        {
            starts.Add(start);
        }
        var byKey = tallies.ToDictionary(t => (t.QueueId, t.Start));
        var waitingByKey = waiting.ToLookup(v => (v.QueueId, IntervalClock.StartOf(v.From)));
        Share ShareOf(string queue, DateTimeOffset start) => new(
            byKey.GetValueOrDefault((queue, start)) ?? new IntervalTally(queue, start), [.. waitingByKey[(queue, start)]], targets.For(queue));
        var figures = new List<IntervalFigures>();
        foreach (var queue in queueIds)
        {
            figures.AddRange(Series(queue, starts.Select(s => new Slot(s, [ShareOf(queue, s)])), TimeZoneInfo.Utc, now, dayStart));
        }
        figures.AddRange(Series(null, starts.Select(s => new Slot(s, [.. queueIds.Select(q => ShareOf(q, s))])), TimeZoneInfo.Utc, now, dayStart));
        return figures;
    }

    // The figures of consecutive slots of one queue (or all), with the service level so far, starting again each day.
    private static IEnumerable<IntervalFigures> Series(string? queueId, IEnumerable<Slot> slots, TimeZoneInfo zone, DateTimeOffset now, DateTimeOffset? onlyDay = null)
    {
        var clock = now == DateTimeOffset.MaxValue ? (DateTimeOffset?)null : now;
        DateOnly? day = null;
        // The day so far is the running sum of its slots: every figure of Sums adds up share by share (the longest
        // answer is a maximum), and the one that depends on the instant, waiting callers past their target, only has
        // callers with a clock (the Today series, one instant for every slot). Re-adding every earlier share instead made a day's
        // series quadratic: 28,000 shares summed for the Today figures at the day's end.
        var cumulative = default(Sums);
        foreach (var slot in slots.OrderBy(s => s.Start))
        {
            var slotDay = onlyDay is null ? IntervalClock.Day(slot.Start, zone) : default;
            if (day != slotDay)
            {
                cumulative = default;
                day = slotDay;
            }
            var at = clock ?? slot.Start + IntervalClock.Width;
            var sums = Sums.Of(slot.Shares, at);
            cumulative = cumulative.Plus(sums);
            yield return new IntervalFigures(
                slot.Start, queueId, queueId is null ? sums.Offered - sums.Overflowed : sums.Offered, sums.Answered, sums.Abandoned, sums.ShortAbandoned, sums.Overflowed,
                sums.AbandonmentRate, sums.ServiceLevel, cumulative.ServiceLevel, sums.AverageSpeedOfAnswer, sums.LongestSpeedOfAnswer,
                sums.Handled, sums.AverageHandleTime);
        }
    }

    /// <summary>Callers waiting per queue each minute of the last hour, and now.</summary>
    private static ImmutableArray<QueueLengthPoint> QueueLength(CallsSnapshot snapshot, List<string> queueIds, DateTimeOffset now)
    {
        // Ended visits are all in the ledger (kept when they end, also those of calls still going: an answered or
        // overflowed one); live calls add only the visit still open, or a caller talking to an agent would count twice.
        var visits = snapshot.Figures.RecentVisits
            .Concat(snapshot.Calls.Values.Where(c => c.IsLive).SelectMany(c => c.Journey.Visits.Where(v => v.Until is null)))
            .ToList();
        var minute = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var points = ImmutableArray.CreateBuilder<QueueLengthPoint>(62);
        for (var at = minute.AddMinutes(-60); at <= now; at = at == minute ? now : at.AddMinutes(1))
        {
            var t = at;
            var waiting = queueIds.ToImmutableDictionary(q => q, q => visits.Count(v => v.QueueId == q && v.From <= t && (v.Until is not { } until || until > t)), StringComparer.Ordinal);
            points.Add(new QueueLengthPoint(t, waiting));
            if (at == now)
            {
                break;
            }
        }
        return points.ToImmutable();
    }

    /// <summary>Average agents in each state per interval today, the current interval so far.</summary>
    private static ImmutableArray<AgentStatePoint> AgentStates(CallsSnapshot snapshot, DateTimeOffset dayStart, DateTimeOffset now)
    {
        var time = new SortedDictionary<DateTimeOffset, AgentTime>();
        foreach (var tally in snapshot.Figures.AgentStates.Where(s => s.Start >= dayStart))
        {
            time[tally.Start] = tally.Time;
        }
        foreach (var agent in snapshot.Agents.Values)
        {
            // The state each agent is in now, spread over the intervals it has lasted.
            var from = agent.StateSince < dayStart ? dayStart : agent.StateSince;
            for (var start = IntervalClock.StartOf(from); start < now; start += IntervalClock.Width)
            {
                var spanFrom = from > start ? from : start;
                var end = start + IntervalClock.Width;
                var spanUntil = now < end ? now : end;
                if (spanUntil > spanFrom)
                {
                    time[start] = time.GetValueOrDefault(start, AgentTime.Zero).Plus(agent.State, spanUntil - spanFrom);
                }
            }
        }
        var points = ImmutableArray.CreateBuilder<AgentStatePoint>();
        for (var start = dayStart; start <= now; start += IntervalClock.Width)
        {
            var t = time.GetValueOrDefault(start, AgentTime.Zero);
            var length = now < start + IntervalClock.Width ? now - start : IntervalClock.Width;
            if (length <= TimeSpan.Zero)
            {
                break;
            }
            points.Add(new AgentStatePoint(start, t.Available / length, t.Offered / length, t.OnCall / length, t.WrapUp / length, t.Away / length));
        }
        return points.ToImmutable();
    }
}
