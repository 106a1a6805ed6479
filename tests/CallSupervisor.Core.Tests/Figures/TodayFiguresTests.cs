using CallSupervisor.Core.Figures;
using static CallSupervisor.Core.Tests.Figures.FiguresBoard;

namespace CallSupervisor.Core.Tests.Figures;

/// <summary>
/// <see cref="DayFigures.Today"/> against a morning worked out by hand. Sales, 80/20, short abandon 5 s:
/// <code>
///  ana, ben  available from 08:00:00 (eli, support only, never signs in)
///  c1  queued 09:00:00  ana answers 09:00:10 (wait 10)  talk 120 s, ends 09:02:10  ana wraps up 30 s
///  c2  queued 09:01:00  ben answers 09:01:25 (wait 25)  talk 200 s, ends 09:04:45  ben wraps up 15 s
///  c3  queued 09:03:00  hangs up 09:03:03 (3 s: a short abandon)
///  c4  queued 09:03:10  hangs up 09:03:17 (7 s: abandoned)
///  c5  queued 09:05:30  ana answers 09:05:45 (wait 15)  on hold 09:06:00–09:06:20  ends 09:07:45  ana wraps up until 09:09:45
///  ben away (break) from 09:06:00
///  c6  queued 09:08:00  still waiting
///  c7  queued 09:08:50  still waiting
/// </code>
/// Read at 09:09:00 (Ana still wrapping up c5), and at 09:10:00 (her wrap-up over).
/// </summary>
public sealed class TodayFiguresTests
{
    internal static readonly DateTimeOffset Now = T(9, 9, 0);
    private static readonly DateTimeOffset Later = T(9, 10, 0);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    internal static FiguresBoard Morning()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 0, 0));
        b.Presence("ben", T(8, 0, 0));
        b.Answered("c1", "sales", "ana", T(9, 0, 0), wait: S(10), talk: S(120), wrapUp: S(30));
        b.Answered("c2", "sales", "ben", T(9, 1, 0), wait: S(25), talk: S(200), wrapUp: S(15));
        b.Abandoned("c3", "sales", T(9, 3, 0), S(3));
        b.Abandoned("c4", "sales", T(9, 3, 10), S(7));
        b.Arrive("c5", T(9, 5, 25));
        b.Queue("c5", "sales", T(9, 5, 30));
        b.Offer("c5", "ana", T(9, 5, 44));
        b.Join("c5", T(9, 5, 45));
        b.Presence("ben", T(9, 6, 0), AgentPresence.Away);
        b.Hold("c5", T(9, 6, 0));
        b.Hold("c5", T(9, 6, 20), onHold: false);
        b.HangUp("c5", T(9, 7, 45));
        b.Arrive("c6", T(9, 7, 55));
        b.Queue("c6", "sales", T(9, 8, 0));
        b.Arrive("c7", T(9, 8, 45));
        b.Queue("c7", "sales", T(9, 8, 50));
        return b;
    }

    [Fact]
    public void Today_Morning_CallsAbandonsAndWaits()
    {
        var sales = Morning().Today(Now).Queues.Single(q => q.QueueId == "sales");

        // Answered c1, c2, c5; abandoned c4; short c3; waiting c6, c7: offered 3 + 1 + 1 + 2 = 7.
        Assert.Equal((7, 3, 1, 1, 0), (sales.Offered, sales.Answered, sales.Abandoned, sales.ShortAbandoned, sales.Overflowed));
        // Abandonment: 1 ÷ (3 + 1) = 25 % (the short abandon is in no rate).
        Assert.Equal(0.25, sales.AbandonmentRate);
        // Waiting now: c6 (09:08:00, 60 s) and c7 (09:08:50, 10 s).
        Assert.Equal((2, (TimeSpan?)S(60)), (sales.WaitingNow, sales.LongestWaitNow));
    }

    [Fact]
    public void Today_Morning_ServiceLevelCountsACallerWaitingPastTheTargetAgainstIt()
    {
        var b = Morning();

        // Within 20 s: c1 (10 s), c5 (15 s); c2 (25 s) not. c6 waits 60 s (> 20), c7 only 10 s.
        // 2 ÷ (answered 3 + abandoned 1 + waiting past the target 1) = 2 ÷ 5 = 40 %.
        var now = b.Today(Now).Queues.Single(q => q.QueueId == "sales");
        Assert.Equal(0.4, now.ServiceLevel);
        Assert.True(now.ServiceLevelMissed);
        // A minute later c7 has waited 70 s too: 2 ÷ (3 + 1 + 2) = 1/3.
        Assert.Equal(2.0 / 6, b.Today(Later).Queues.Single(q => q.QueueId == "sales").ServiceLevel);
    }

    [Fact]
    public void Today_Morning_SpeedOfAnswerAverageAndLongest()
    {
        var sales = Morning().Today(Now).Queues.Single(q => q.QueueId == "sales");

        // (10 + 25 + 15) ÷ 3 = 16.67 s; the longest 25 s.
        Assert.Equal(S(50) / 3, sales.AverageSpeedOfAnswer);
        Assert.Equal(S(25), sales.LongestSpeedOfAnswer);
    }

    [Fact]
    public void Today_Morning_HandleTimeCountsAWrapUpOnceItEnds()
    {
        var b = Morning();

        // At 09:09:00: talk 120 + 200 + 100 (c5: 120 s less 20 s on hold), hold 20, ended wrap-ups 30 + 15 = 485 s ÷ 3.
        var now = b.Today(Now).Queues.Single(q => q.QueueId == "sales");
        Assert.Equal((3, (TimeSpan?)(S(485) / 3)), (now.Handled, now.AverageHandleTime));

        // Ana's wrap-up of c5 ends at 09:09:45 (120 s): 485 + 120 = 605 s ÷ 3.
        b.Presence("ana", T(9, 9, 45));
        var later = b.Today(Later).Queues.Single(q => q.QueueId == "sales");
        Assert.Equal((3, (TimeSpan?)(S(605) / 3)), (later.Handled, later.AverageHandleTime));
    }

    [Fact]
    public void Today_Morning_AgentsByStateAndOccupancy()
    {
        var today = Morning().Today(Now);
        var sales = today.Queues.Single(q => q.QueueId == "sales");
        var support = today.Queues.Single(q => q.QueueId == "support");

        // Sales' agents: Ana wrapping up, Ben away. Support's: Ana, and Eli who never signed in.
        Assert.Equal(new AgentCounts(0, 0, 0, 1, 1, 0), sales.Agents);
        Assert.Equal(new AgentCounts(0, 0, 0, 1, 0, 1), support.Agents);
        Assert.Equal(new AgentCounts(0, 0, 0, 1, 1, 1), today.Total.Agents);
        // Waiting callers and an agent busy with a call (wrap-up): staffed.
        Assert.False(sales.Unstaffed);
        // On call: Ana 120 + 120, Ben 200 = 440 s; wrap-up: Ana 30 + 75 (so far), Ben 15 = 120 s; busy 560 s.
        // Available: Ana 3609 (08:00:00→09:00:09) + 184 (09:02:40→09:05:44), Ben 3684 (→09:01:24) + 60 (09:05→09:06) = 7537 s;
        // offered: Ana 1 + 1, Ben 1 = 3 s. 560 ÷ (560 + 7537 + 3) = 560 ÷ 8100.
        Assert.Equal(560.0 / 8100, sales.Occupancy!.Value, 12);
        Assert.Equal(560.0 / 8100, today.Total.Occupancy!.Value, 12);
        // Ana alone: (240 + 105) ÷ (3793 + 2 + 240 + 105) = 345 ÷ 4140.
        Assert.Equal(345.0 / 4140, support.Occupancy!.Value, 12);
    }

    [Fact]
    public void Today_Morning_EachAgentsHandledHandleTimeMissedAndTimeInEachState()
    {
        var today = Morning().Today(Now);
        var ana = today.Agents.Single(a => a.AgentId == "ana");
        var ben = today.Agents.Single(a => a.AgentId == "ben");
        var eli = today.Agents.Single(a => a.AgentId == "eli");

        // Ana: c1 (120 s + 30 s wrap-up) and c5 (120 s, wrap-up not over): 270 s ÷ 2.
        Assert.Equal(("Ana Lima", AgentState.WrapUp, T(9, 7, 45), 2, (TimeSpan?)S(135), 0), (ana.Name, ana.State, ana.StateSince, ana.Handled, ana.AverageHandleTime, ana.Missed));
        Assert.Equal(new AgentTime { Available = S(3793), Offered = S(2), OnCall = S(240), WrapUp = S(105) }, ana.Time);
        // Ben: c2, 200 s + 15 s wrap-up.
        Assert.Equal((AgentState.Away, 1, (TimeSpan?)S(215)), (ben.State, ben.Handled, ben.AverageHandleTime));
        Assert.Equal(new AgentTime { Available = S(3744), Offered = S(1), OnCall = S(200), WrapUp = S(15), Away = S(180) }, ben.Time);
        // Eli: offline all day so far (00:00 → 09:09 = 32,940 s).
        Assert.Equal((AgentState.Offline, 0, (TimeSpan?)null), (eli.State, eli.Handled, eli.AverageHandleTime));
        Assert.Equal(new AgentTime { Offline = S(32_940) }, eli.Time);
        // Each agent's day adds up to the time since they were first seen.
        Assert.Equal(Now - T(8, 0, 0), ana.Time.SignedIn);
    }

    [Fact]
    public void Today_Morning_TotalIsTheQueuesTogether()
    {
        var today = Morning().Today(Now);

        Assert.Equal((7, 3, 1, 1, (double?)0.25, (double?)0.4), (today.Total.Offered, today.Total.Answered, today.Total.Abandoned, today.Total.ShortAbandoned, today.Total.AbandonmentRate, today.Total.ServiceLevel));
        Assert.Equal((2, (TimeSpan?)S(60), (TimeSpan?)S(25)), (today.Total.WaitingNow, today.Total.LongestWaitNow, today.Total.LongestSpeedOfAnswer));
        // Support saw nobody: no rates at all rather than zeros.
        var support = today.Queues.Single(q => q.QueueId == "support");
        Assert.Equal((0, (double?)null, (double?)null, (TimeSpan?)null, (TimeSpan?)null, (TimeSpan?)null), (support.Offered, support.ServiceLevel, support.AbandonmentRate, support.AverageSpeedOfAnswer, support.AverageHandleTime, support.LongestWaitNow));
        Assert.False(support.Missed);
    }

    [Fact]
    public void Today_Morning_MissedTargetsFlagged()
    {
        var sales = Morning().Today(Now).Queues.Single(q => q.QueueId == "sales");

        // 40 % < 80 %; 25 % > 5 %; the longest wait now (60 s) is not past the 60 s limit.
        Assert.Equal((true, true, false), (sales.ServiceLevelMissed, sales.AbandonmentMissed, sales.WaitMissed));
        Assert.True(sales.Missed);
    }

    [Fact]
    public void Today_CallerWaitingPartOfASecondPastTheTarget_NotYetPastItAsAnAnswerThenWouldBeWithin()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 0, 0));
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "sales", T(9, 0, 0));
        var waitedJustOver = T(9, 0, 20).AddMilliseconds(500);

        // 20.5 s: shown as 20 s, and an answer now would count within 20 s — so not yet against the service level.
        Assert.Null(b.Today(waitedJustOver).Queues.Single(q => q.QueueId == "sales").ServiceLevel);
        // 21 s: past it.
        Assert.Equal(0.0, b.Today(T(9, 0, 21)).Queues.Single(q => q.QueueId == "sales").ServiceLevel);

        b.Offer("c1", "ana", T(9, 0, 20));
        b.Join("c1", waitedJustOver);
        Assert.Equal(1.0, b.Today(T(9, 0, 21)).Queues.Single(q => q.QueueId == "sales").ServiceLevel);
    }

    [Fact]
    public void Today_CallerWaitsAndNoAgentOfTheQueueIsInOrBusy_Unstaffed()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 0, 0), AgentPresence.Away);
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "support", T(9, 0, 0));

        // Support: Ana away, Eli never signed in: nobody will take the caller.
        var support = b.Today(T(9, 0, 10)).Queues.Single(q => q.QueueId == "support");
        Assert.Equal((1, true, true), (support.WaitingNow, support.Unstaffed, support.Missed));

        b.Presence("eli", T(9, 0, 15));
        Assert.False(b.Today(T(9, 0, 16)).Queues.Single(q => q.QueueId == "support").Unstaffed);
    }

    [Fact]
    public void Today_WaitsAndAbandonsAreKeptToTheSecond_AnswerTargetInclusiveShortAbandonExclusive()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 0, 0));
        // Answered after 20.9 s: shown as 20 s, within a 20 s target. After 21 s: not.
        b.Answered("c1", "sales", "ana", T(9, 0, 0), wait: S(20.9), talk: S(60), wrapUp: S(5));
        b.Answered("c2", "sales", "ana", T(9, 5, 0), wait: S(21), talk: S(60), wrapUp: S(5));
        // Hung up after 4.9 s: short (under 5 s). After exactly 5 s: not short.
        b.Abandoned("c3", "sales", T(9, 10, 0), S(4.9));
        b.Abandoned("c4", "sales", T(9, 10, 10), S(5));

        var sales = b.Today(T(9, 20, 0)).Queues.Single(q => q.QueueId == "sales");

        Assert.Equal((2, 1, 1), (sales.Answered, sales.Abandoned, sales.ShortAbandoned));
        // 1 within ÷ (2 answered + 1 abandoned).
        Assert.Equal(1.0 / 3, sales.ServiceLevel);
    }
}
