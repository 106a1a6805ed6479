using CallSupervisor.Core.Figures;

namespace CallSupervisor.Core.Tests.Figures;

/// <summary>
/// A centre in New York (UTC−5 in early March): its day starts at 05:00 UTC. A caller who queued before midnight is
/// counted in yesterday's last interval even when answered after it; agents' counters start again at midnight.
/// <code>
///  ana  available from 23:30 (Mar 2)
///  c0   queued 23:40:00  ana answers after 5 s   talk 60 s  wrap-up 10 s  (all on Mar 2)
///  c2   queued 23:59:00  still waiting at 00:06
///  c1   queued 23:59:40  ana answers at 00:00:10 (wait 30 s)  talk 300 s, ends 00:05:10  wrap-up until 00:05:40
/// </code>
/// </summary>
public sealed class MidnightTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>New York's wall clock on Mar 2 (<paramref name="dayOffset"/> 0) or Mar 3 (1), 2026: EST, UTC−5.</summary>
    private static DateTimeOffset NY(int dayOffset, int hour, int minute, int second) =>
        new(FiguresBoard.Day.AddDays(dayOffset).AddHours(hour).AddMinutes(minute).AddSeconds(second), TimeSpan.FromHours(-5));

    private static FiguresBoard AroundMidnight()
    {
        var b = new FiguresBoard(NewYork);
        b.Presence("ana", NY(0, 23, 30, 0));
        b.Answered("c0", "sales", "ana", NY(0, 23, 40, 0), wait: S(5), talk: S(60), wrapUp: S(10));
        b.Arrive("c2", NY(0, 23, 58, 55));
        b.Queue("c2", "sales", NY(0, 23, 59, 0));
        b.Arrive("c1", NY(0, 23, 59, 35));
        b.Queue("c1", "sales", NY(0, 23, 59, 40));
        return b;
    }

    private static void AnswerC1(FiguresBoard b)
    {
        b.Offer("c1", "ana", NY(1, 0, 0, 9));
        b.Join("c1", NY(1, 0, 0, 10));
        b.HangUp("c1", NY(1, 0, 5, 10));
        b.Presence("ana", NY(1, 0, 5, 40));
    }

    [Fact]
    public void Today_JustAfterMidnightBeforeAnyChange_AgentCountersOfYesterdayNotShown()
    {
        var b = AroundMidnight();

        var today = b.Today(NY(1, 0, 0, 5));

        Assert.Equal(NY(1, 0, 0, 0), today.DayStart);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 5, 0, 0, TimeSpan.Zero), today.DayStart.ToUniversalTime());
        var ana = today.Agents.Single(a => a.AgentId == "ana");
        // Yesterday Ana handled c0; today nothing yet, available for the 5 s since midnight.
        Assert.Equal(1, b.Agent("ana").HandledToday);
        Assert.Equal((0, 0, (TimeSpan?)null), (ana.Handled, ana.Missed, ana.AverageHandleTime));
        Assert.Equal(new AgentTime { Available = S(5) }, ana.Time);
    }

    [Fact]
    public void Today_CallerQueuedBeforeMidnightAnsweredAfter_CountedYesterdayHandledByTheAgentToday()
    {
        var b = AroundMidnight();
        AnswerC1(b);

        var today = b.Today(NY(1, 0, 6, 0));
        var sales = today.Queues.Single(q => q.QueueId == "sales");

        // Both callers entered the queue yesterday: today has offered, answered and abandoned nothing yet.
        Assert.Equal((0, 0, 0), (sales.Offered, sales.Answered, sales.Abandoned));
        // Ana's counters started again at midnight: c1 only, 300 s on the call + 30 s of wrap-up.
        var ana = today.Agents.Single(a => a.AgentId == "ana");
        Assert.Equal((1, (TimeSpan?)S(330)), (ana.Handled, ana.AverageHandleTime));
        Assert.Equal(new DateOnly(2026, 3, 3), b.Agent("ana").Day);
        // Today's time: available 00:00:00 → 00:00:09 (the span from 23:41:15 counts from midnight) and 00:05:40 → 00:06:00,
        // offered 1 s, on the call 300 s, wrap-up 30 s: 9 + 20 + 1 + 300 + 30 = 360 s, the six minutes since midnight.
        Assert.Equal(new AgentTime { Available = S(29), Offered = S(1), OnCall = S(300), WrapUp = S(30) }, ana.Time);
    }

    [Fact]
    public void Today_CallerWaitingSinceBeforeMidnight_WaitingNowButNotOfferedToday()
    {
        var b = AroundMidnight();
        AnswerC1(b);

        var sales = b.Today(NY(1, 0, 6, 0)).Queues.Single(q => q.QueueId == "sales");

        // c2 has waited 23:59:00 → 00:06:00 = 7 minutes: the wallboard must show them, though they count in yesterday.
        Assert.Equal((1, (TimeSpan?)S(420), true), (sales.WaitingNow, sales.LongestWaitNow, sales.WaitMissed));
        Assert.Equal(0, sales.Offered);
        Assert.Null(sales.ServiceLevel);
    }

    [Fact]
    public void Today_WrapUpOfYesterdaysCallEndsAfterMidnight_NotInTodaysHandleTime()
    {
        var b = new FiguresBoard(NewYork);
        b.Presence("ana", NY(0, 23, 30, 0));
        // c0: answered 23:58:05, ends 23:59:50 (handled yesterday), wrap-up until 00:00:20.
        b.Answered("c0", "sales", "ana", NY(0, 23, 58, 0), wait: S(5), talk: S(105), wrapUp: S(30));
        // c1: answered 00:01:05, talk 100 s, wrap-up 10 s.
        b.Answered("c1", "sales", "ana", NY(1, 0, 1, 0), wait: S(5), talk: S(100), wrapUp: S(10));

        var ana = b.Today(NY(1, 0, 5, 0)).Agents.Single(a => a.AgentId == "ana");

        // Today Ana handled c1 alone: 100 + 10 = 110 s (c0's wrap-up belongs with c0, yesterday).
        Assert.Equal((1, (TimeSpan?)S(110)), (ana.Handled, ana.AverageHandleTime));
        // Her time since midnight still holds the 20 s of that wrap-up: wrap-up 20 + 10, available 44 (00:00:20 → 00:01:04)
        // + 125 (00:02:55 → 00:05:00), offered 1, on the call 100: 300 s.
        Assert.Equal(new AgentTime { Available = S(169), Offered = S(1), OnCall = S(100), WrapUp = S(30) }, ana.Time);
    }

    [Fact]
    public void Intervals_OfTheLedgerInTheCentresZone_YesterdaysLastQuarterHoldsTheCallAnsweredAfterMidnight()
    {
        var b = AroundMidnight();
        AnswerC1(b);

        var figures = DayFigures.Intervals(b.Board.Figures.Intervals, b.Targets, NewYork).Where(i => i.QueueId == "sales").ToList();

        // 23:30 (c0, answered in 5 s) and 23:45 (c1, 30 s) — both Mar 2 in New York, so the day's service level runs on:
        // 1 ÷ 1, then 1 ÷ 2.
        Assert.Equal([NY(0, 23, 30, 0), NY(0, 23, 45, 0)], figures.Select(i => i.Start));
        Assert.Equal((1, 1, (double?)1, (double?)1), (figures[0].Offered, figures[0].Answered, figures[0].ServiceLevel, figures[0].ServiceLevelSoFar));
        Assert.Equal((1, 1, (double?)0, (double?)0.5), (figures[1].Offered, figures[1].Answered, figures[1].ServiceLevel, figures[1].ServiceLevelSoFar));
        // c1's handling (300 s talk + 30 s wrap-up) is counted with it, yesterday.
        Assert.Equal((1, (TimeSpan?)S(330)), (figures[1].Handled, figures[1].AverageHandleTime));
    }
}
