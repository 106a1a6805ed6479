using System.Collections.Immutable;
using CallSupervisor.Core.Settings;
using static CallSupervisor.Core.Tests.Figures.FiguresBoard;

namespace CallSupervisor.Core.Tests.Figures;

/// <summary>A changed target re-rates the whole day at once (waits are kept to the second, not as "in target" flags).</summary>
public sealed class TargetsChangedTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static Targets SalesAt30And10() => new(
        QueueTargets.Default,
        ImmutableDictionary<string, QueueTargets>.Empty.Add("sales", QueueTargets.Default with { AnswerWithin = S(30), ShortAbandon = S(10) }));

    [Fact]
    public void Today_TargetsChanged_TheWholeDayReratedAtOnce()
    {
        // The morning of TodayFiguresTests: 40 % in 20 s, abandonment 25 %, one short abandon.
        var b = TodayFiguresTests.Morning();
        var before = b.Today(TodayFiguresTests.Now).Queues.Single(q => q.QueueId == "sales");
        Assert.Equal((0.4, 0.25, 1), (before.ServiceLevel, before.AbandonmentRate, before.ShortAbandoned));

        Assert.True(b.Apply(new TargetsChanged("targets-1", T(9, 8, 55), SalesAt30And10(), "Olivia")).IsApplied);

        var today = b.Today(TodayFiguresTests.Now);
        var sales = today.Queues.Single(q => q.QueueId == "sales");
        Assert.Equal(S(30), sales.Targets.AnswerWithin);
        // Within 30 s: c1 (10), c2 (25), c5 (15); c6 (60 s) waits past it, c7 (10 s) not: 3 ÷ (3 + 0 + 1) = 75 %.
        // Short abandons under 10 s: c3 (3 s) and c4 (7 s), so no abandonment left: 0 ÷ 3.
        Assert.Equal((7, 3, 0, 2), (sales.Offered, sales.Answered, sales.Abandoned, sales.ShortAbandoned));
        Assert.Equal((0.75, 0.0), (sales.ServiceLevel, sales.AbandonmentRate));
        // The interval the morning happened in, and the total, with it.
        var interval = today.IntervalsOf("sales").Single(i => i.Start == T(9, 0, 0));
        Assert.Equal((0.75, 0.75, 2), (interval.ServiceLevel, interval.ServiceLevelSoFar, interval.ShortAbandoned));
        Assert.Equal(0.75, today.Total.ServiceLevel);
        // Support keeps the default targets.
        Assert.Equal(S(20), today.Queues.Single(q => q.QueueId == "support").Targets.AnswerWithin);
    }

    [Fact]
    public void Apply_TargetsChanged_TheSnapshotsTargetsReplacedWhole()
    {
        var b = new FiguresBoard();
        b.Apply(new TargetsChanged("targets-1", T(9, 0, 0), SalesAt30And10(), "Olivia"));

        Assert.Equal(S(30), b.Board.Targets!.For("sales").AnswerWithin);

        // The next change is the whole set: sales back to the default.
        b.Apply(new TargetsChanged("targets-2", T(9, 1, 0), Targets.Standard, "Olivia"));
        Assert.Equal(QueueTargets.Default, b.Board.Targets!.For("sales"));
    }
}
