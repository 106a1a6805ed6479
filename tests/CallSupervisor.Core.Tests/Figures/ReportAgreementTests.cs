using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Tests.EventLog;
using static CallSupervisor.Core.Tests.Figures.FiguresBoard;

namespace CallSupervisor.Core.Tests.Figures;

/// <summary>
/// The report (tallies of the kept call records) and the live view (the store's ledger) give the same interval
/// figures for the same calls: the quarter hours of <see cref="IntervalFiguresTests"/>, with c6 answered too.
/// </summary>
public sealed class ReportAgreementTests
{
    private static readonly DateTimeOffset Now = T(9, 50, 0);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static (FiguresBoard Board, List<CallRecord> Records) AllEnded()
    {
        var b = IntervalFiguresTests.Quarters();
        // c6, waiting since 09:45:00, is answered by Ana at 09:46:15 (75 s), talks 120 s, wraps up 20 s.
        b.Offer("c6", "ana", T(9, 46, 10));
        b.Join("c6", T(9, 46, 15));
        b.HangUp("c6", T(9, 48, 15));
        b.Presence("ana", T(9, 48, 35));
        // The records as the record writer keeps them: each call's record when it ended, its agent's wrap-up once over.
        var wrapUps = new Dictionary<string, TimeSpan?> { ["c1"] = S(10), ["c2"] = S(10), ["c3"] = S(30), ["c4"] = S(12), ["c5"] = null, ["c6"] = S(20) };
        var records = wrapUps.Select(w => b.Record(w.Key) with { WrapUp = w.Value }).ToList();
        return (b, records);
    }

    [Fact]
    public void Tally_Records_SameTalliesAsTheLedger()
    {
        var (b, records) = AllEnded();

        var tallies = DayFigures.Tally(records);

        Assert.Equal([T(9, 0, 0), T(9, 15, 0), T(9, 30, 0), T(9, 45, 0)], tallies.Select(t => t.Start));
        Structural.AssertEqual(b.Board.Figures.Intervals, tallies);
    }

    [Fact]
    public void Intervals_FromRecords_SameFiguresAsTheLiveView()
    {
        var (b, records) = AllEnded();

        var report = DayFigures.Intervals(DayFigures.Tally(records), b.Targets, b.Zone);
        var live = b.Today(Now).Intervals;

        // Per queue and in total, every interval the report has is the live view's, figure for figure.
        Assert.Equal(8, report.Count);
        foreach (var interval in report)
        {
            Assert.Equal(interval, live.Single(i => i.QueueId == interval.QueueId && i.Start == interval.Start));
        }
        // And the live view has nothing the report lacks.
        Assert.All(live.Where(i => !report.Any(r => r.Start == i.Start && r.QueueId == i.QueueId)), i => Assert.Equal((0, 0), (i.Offered, i.Handled)));
        // Worked out: 09:45 is c6 alone, answered after 75 s (out of the 20 s target), handled in 120 + 20 s; the day so far
        // 3 within ÷ 6 = 50 %.
        Assert.Equal(
            new IntervalFigures(T(9, 45, 0), "sales", 1, 1, 0, 0, 0, 0, 0, 0.5, S(75), S(75), 1, S(140)),
            report.Single(i => i.QueueId == "sales" && i.Start == T(9, 45, 0)));
    }
}
