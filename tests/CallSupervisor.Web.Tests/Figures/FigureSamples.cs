using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Web.Tests.Figures;

/// <summary>Hand-made day figures for the figure components (the computation itself is Core's, tested there).</summary>
internal static class FigureSamples
{
    public static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 7, 30, TimeSpan.Zero);

    public static QueueToday Queue(
        string? id = "sales", string name = "Sales", double? serviceLevel = 0.82, TimeSpan? longestWait = null,
        int waiting = 0, AgentCounts? agents = null, double? abandonment = 0.02) =>
        new(id, name, QueueTargets.Default, Offered: 40, Answered: 30, Abandoned: 3, ShortAbandoned: 1, Overflowed: 2,
            AbandonmentRate: abandonment, ServiceLevel: serviceLevel, AverageSpeedOfAnswer: TimeSpan.FromSeconds(12),
            LongestSpeedOfAnswer: TimeSpan.FromSeconds(75), AverageHandleTime: TimeSpan.FromSeconds(185), Handled: 29,
            WaitingNow: waiting, LongestWaitNow: longestWait, Agents: agents ?? new AgentCounts(2, 0, 3, 1, 1, 0), Occupancy: 0.71);

    public static QueueToday Empty(string? id = "support", string name = "Support") =>
        new(id, name, QueueTargets.Default, 0, 0, 0, 0, 0, null, null, null, null, null, 0, 0, null, AgentCounts.None, null);

    public static TodayFigures Day(params IntervalFigures[] intervals) =>
        new(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero), Now, [Queue()], Queue(null, "All queues"), [],
            [.. intervals], [], []);

    public static IntervalFigures Interval(int hour, int minute, int offered, int answered, int abandoned, double? soFar = null) =>
        new(new DateTimeOffset(2026, 12, 6, hour, minute, 0, TimeSpan.Zero), null, offered, answered, abandoned, 0, 0,
            null, null, soFar, null, null, answered, null);
}
