using CallSupervisor.Core.Figures;
using static CallSupervisor.Core.Tests.Figures.FiguresBoard;

namespace CallSupervisor.Core.Tests.Figures;

/// <summary>
/// The day by 15-minute interval: each caller counted in the interval they entered the queue (also when answered or
/// handled in the next one), the service level so far, the queue length over the last hour and agents by state.
/// <code>
///  ana, ben  available from 08:00:00
///  c1  queued 09:05:00  ana answers after 10 s  talk 60 s  wrap-up 10 s
///  c2  queued 09:07:00  ben answers after 30 s  talk 60 s  wrap-up 10 s
///  c3  queued 09:14:50  ana answers after 20 s (09:15:10, the next interval)  talk 300 s  wrap-up 30 s
///  c4  queued 09:20:00  ben answers after 8 s   talk 60 s  wrap-up 12 s
///  c5  queued 09:31:00  hangs up after 40 s
///  c6  queued 09:45:00  still waiting at 09:46:00
/// </code>
/// </summary>
public sealed class IntervalFiguresTests
{
    private static readonly DateTimeOffset Now = T(9, 46, 0);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    internal static FiguresBoard Quarters()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 0, 0));
        b.Presence("ben", T(8, 0, 0));
        b.Answered("c1", "sales", "ana", T(9, 5, 0), wait: S(10), talk: S(60), wrapUp: S(10));
        b.Answered("c2", "sales", "ben", T(9, 7, 0), wait: S(30), talk: S(60), wrapUp: S(10));
        b.Answered("c3", "sales", "ana", T(9, 14, 50), wait: S(20), talk: S(300), wrapUp: S(30));
        b.Answered("c4", "sales", "ben", T(9, 20, 0), wait: S(8), talk: S(60), wrapUp: S(12));
        b.Abandoned("c5", "sales", T(9, 31, 0), S(40));
        b.Arrive("c6", T(9, 44, 55));
        b.Queue("c6", "sales", T(9, 45, 0));
        return b;
    }

    private static IntervalFigures Sales(TodayFigures today, int hour, int minute) => today.IntervalsOf("sales").Single(i => i.Start == T(hour, minute, 0));

    [Fact]
    public void Intervals_CallAnsweredInTheNextInterval_CountedWhereTheCallerQueued()
    {
        var today = Quarters().Today(Now);

        // 09:00: c1, c2 and c3 (queued 09:14:50, answered 09:15:10). Within 20 s: c1 (10), c3 (20); c2 (30) not.
        // ASA (10 + 30 + 20) ÷ 3 = 20 s; AHT (60 + 60 + 300 talk + 10 + 10 + 30 wrap-up) ÷ 3 = 470 ÷ 3 s.
        Assert.Equal(
            new IntervalFigures(T(9, 0, 0), "sales", 3, 3, 0, 0, 0, 0, 2.0 / 3, 2.0 / 3, S(20), S(30), 3, S(470) / 3),
            Sales(today, 9, 0));
        // 09:15: c4 alone (answered in 8 s): 100 %, and so far 3 within ÷ 4 = 75 %. AHT 60 + 12 = 72 s.
        Assert.Equal(
            new IntervalFigures(T(9, 15, 0), "sales", 1, 1, 0, 0, 0, 0, 1, 0.75, S(8), S(8), 1, S(72)),
            Sales(today, 9, 15));
    }

    [Fact]
    public void Intervals_ServiceLevelSoFar_RunsThroughTheDayWithTheCallerWaitingNow()
    {
        var b = Quarters();
        var today = b.Today(Now);

        // 09:30: c5 abandoned after 40 s: 0 %, abandonment 100 %; so far 3 ÷ (4 + 1) = 60 %.
        Assert.Equal(
            new IntervalFigures(T(9, 30, 0), "sales", 1, 0, 1, 0, 0, 1, 0, 0.6, null, null, 0, null),
            Sales(today, 9, 30));
        // 09:45: c6 has waited 60 s, past the 20 s target: 0 %, so far 3 ÷ 6 = 50 % — the queue's figure for the day.
        var last = Sales(today, 9, 45);
        Assert.Equal((1, (double?)0, (double?)0.5), (last.Offered, last.ServiceLevel, last.ServiceLevelSoFar));
        Assert.Equal(0.5, today.Queues.Single(q => q.QueueId == "sales").ServiceLevel);
        // Before the first caller: no service level at all, and one slot per quarter hour from midnight to now.
        Assert.All(today.IntervalsOf("sales").Where(i => i.Start < T(9, 0, 0)), i => Assert.Equal((0, (double?)null), (i.Offered, i.ServiceLevelSoFar)));
        Assert.Equal(9 * 4 + 4, today.IntervalsOf("sales").Count());
        // All queues together: the same here (support saw nobody).
        Assert.Equal(
            today.IntervalsOf("sales").Select(i => (i.Start, i.Offered, i.Answered, i.ServiceLevelSoFar)),
            today.IntervalsOf(null).Select(i => (i.Start, i.Offered, i.Answered, i.ServiceLevelSoFar)));
    }

    [Fact]
    public void QueueLength_LastHour_CallersWaitingEachMinute()
    {
        var today = Quarters().Today(Now);

        // One point a minute from 08:46 to 09:46 (61); a caller counts at a minute they were waiting at.
        Assert.Equal(61, today.QueueLength.Length);
        Assert.Equal((T(8, 46, 0), Now), (today.QueueLength[0].At, today.QueueLength[^1].At));
        // c1 at 09:05, c2 at 09:07, c3 at 09:15 (09:14:50 → 09:15:10), c4 at 09:20, c5 at 09:31, c6 at 09:45 and 09:46.
        var waiting = today.QueueLength.Where(p => p.Total > 0).Select(p => (p.At, p.Waiting["sales"])).ToList();
        Assert.Equal(
            [(T(9, 5, 0), 1), (T(9, 7, 0), 1), (T(9, 15, 0), 1), (T(9, 20, 0), 1), (T(9, 31, 0), 1), (T(9, 45, 0), 1), (T(9, 46, 0), 1)],
            waiting);
        Assert.All(today.QueueLength, p => Assert.Equal(0, p.Waiting["support"]));
    }

    [Fact]
    public void QueueLength_CallsStillGoing_TheirEndedWaitsCountedOnce()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 0, 0));
        // c1 waits 09:40:00 → 09:42:00 and is still talking to Ana at 09:46.
        b.Arrive("c1", T(9, 39, 55));
        b.Queue("c1", "sales", T(9, 40, 0));
        b.Offer("c1", "ana", T(9, 41, 59));
        b.Join("c1", T(9, 42, 0));
        // c2 waits in support 09:41:30 → 09:43:30, moves to sales and waits there still.
        b.Arrive("c2", T(9, 41, 25));
        b.Queue("c2", "support", T(9, 41, 30));
        b.Queue("c2", "sales", T(9, 43, 30), overflowed: true);

        var points = b.Today(T(9, 46, 0)).QueueLength.ToDictionary(p => p.At);

        // 09:40, 09:41: c1 in sales (c2 in support at 09:42 and 09:43). From 09:44: c2 in sales.
        Assert.Equal(1, points[T(9, 40, 0)].Waiting["sales"]);
        Assert.Equal((1, 0), (points[T(9, 41, 0)].Waiting["sales"], points[T(9, 41, 0)].Waiting["support"]));
        Assert.Equal((0, 1), (points[T(9, 42, 0)].Waiting["sales"], points[T(9, 42, 0)].Waiting["support"]));
        Assert.Equal((0, 1), (points[T(9, 43, 0)].Waiting["sales"], points[T(9, 43, 0)].Waiting["support"]));
        Assert.Equal((1, 0), (points[T(9, 44, 0)].Waiting["sales"], points[T(9, 44, 0)].Waiting["support"]));
        Assert.Equal(1, points[T(9, 46, 0)].Total);
    }

    [Fact]
    public void AgentStates_ByInterval_AverageAgentsInEachStateTheCurrentIntervalSoFar()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(9, 0, 0));
        // Ana is offered at 09:15:09, answers 09:15:10, talks until 09:20:10, wraps up until 09:20:40.
        b.Answered("c1", "sales", "ana", T(9, 14, 50), wait: S(20), talk: S(300), wrapUp: S(30));

        var today = b.Today(T(9, 25, 0));
        var points = today.AgentStates.ToDictionary(p => p.Start);

        // Midnight to 09:15, one a quarter hour (38); the 09:15 one so far (10 minutes).
        Assert.Equal(38, today.AgentStates.Length);
        // 09:00: Ana available the whole 900 s: one agent available on average.
        Assert.Equal(new AgentStatePoint(T(9, 0, 0), 1, 0, 0, 0, 0), points[T(9, 0, 0)]);
        // 09:15 → 09:25 (600 s): available 9 s (to 09:15:09) + 260 s (09:20:40 → 09:25), offered 1 s, on call 300 s,
        // wrap-up 30 s.
        var current = points[T(9, 15, 0)];
        Assert.Equal(269.0 / 600, current.Available, 12);
        Assert.Equal(1.0 / 600, current.Offered, 12);
        Assert.Equal(300.0 / 600, current.OnCall, 12);
        Assert.Equal(30.0 / 600, current.WrapUp, 12);
        Assert.Equal(0, current.Away);
        Assert.Equal(new AgentStatePoint(T(8, 45, 0), 0, 0, 0, 0, 0), points[T(8, 45, 0)]);
    }
}
