using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Core.Tests.Figures;

/// <summary>The service level so far through a day's intervals: what was answered within target since midnight.</summary>
public sealed class ServiceLevelSoFarTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Intervals_ThreeIntervalsAndTheNextDay_SoFarAddsEachIntervalAndStartsAgainAtMidnight()
    {
        // Target 80/20 (the standard); no short abandons below 5 s here. Hand-computed:
        //   09:00  answered after 10 s and 30 s        → SL 1/2,  so far 1/2
        //   09:15  answered after 5 s and 8 s          → SL 2/2,  so far 3/4
        //   09:30  abandoned after 40 s                → SL 0/1,  so far 3/5
        //   next day 09:00  answered after 5 s         → SL 1/1,  so far 1/1 (a new day)
        IntervalTally[] tallies =
        [
            Tally(Day, Answered(Day, 10), Answered(Day, 30)),
            Tally(Day.AddMinutes(15), Answered(Day.AddMinutes(15), 5), Answered(Day.AddMinutes(16), 8)),
            Tally(Day.AddMinutes(30), Abandoned(Day.AddMinutes(30), 40)),
            Tally(Day.AddDays(1), Answered(Day.AddDays(1), 5)),
        ];

        var figures = DayFigures.Intervals(tallies, Targets.Standard, TimeZoneInfo.Utc);

        foreach (var queueId in new[] { "sales", null })
        {
            var series = figures.Where(f => f.QueueId == queueId).ToList();
            Assert.Equal([0.5, 1.0, 0.0, 1.0], series.Select(f => f.ServiceLevel!.Value));
            Assert.Equal([0.5, 0.75, 0.6, 1.0], series.Select(f => f.ServiceLevelSoFar!.Value));
        }
    }

    private static QueueVisit Answered(DateTimeOffset from, int seconds) => new("sales", from, from.AddSeconds(seconds), VisitOutcome.Answered);

    private static QueueVisit Abandoned(DateTimeOffset from, int seconds) => new("sales", from, from.AddSeconds(seconds), VisitOutcome.Abandoned);

    private static IntervalTally Tally(DateTimeOffset start, params QueueVisit[] visits) =>
        visits.Aggregate(new IntervalTally("sales", start), (tally, visit) => tally.With(visit));
}
