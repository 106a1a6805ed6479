using System.Collections.Immutable;
using System.Globalization;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Web.ViewModels.Figures;

/// <summary>The Today page's charts, built from the day's figures (each also read as a table).</summary>
public static class TodayCharts
{
    /// <summary>The intervals shown: at least the last two hours of the day, from the first with a call if earlier.</summary>
    public static ImmutableArray<DateTimeOffset> Axis(TodayFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var dayStart = IntervalClock.StartOf(figures.DayStart);
        var last = IntervalClock.StartOf(figures.Now);
        var first = last - 7 * IntervalClock.Width;
        foreach (var interval in figures.Intervals)
        {
            if (interval.Start < first && (interval.Offered > 0 || interval.Handled > 0))
            {
                first = IntervalClock.StartOf(interval.Start);
            }
        }
        if (first < dayStart)
        {
            first = dayStart;
        }
        var axis = ImmutableArray.CreateBuilder<DateTimeOffset>();
        for (var at = first; at <= last; at += IntervalClock.Width)
        {
            axis.Add(at);
        }
        return axis.ToImmutable();
    }

    /// <summary>Calls offered, answered and abandoned per 15-minute interval (<paramref name="queueId"/> null: all queues).</summary>
    public static ChartModel Calls(TodayFigures figures, string? queueId, TimeZoneInfo zone)
    {
        var axis = Axis(figures);
        var byStart = IntervalsOf(figures, queueId);
        double? Of(DateTimeOffset at, Func<IntervalFigures, int> pick) => byStart.TryGetValue(at, out var i) ? pick(i) : 0;
        return new ChartModel(
            "calls",
            "Calls per 15 minutes",
            "Callers offered, answered and abandoned in each 15-minute interval today, by the interval they queued in.",
            "Interval",
            Labels(axis, zone),
            [
                new("Offered", [.. axis.Select(at => Of(at, i => i.Offered))], ChartColour.Primary),
                new("Answered", [.. axis.Select(at => Of(at, i => i.Answered))], ChartColour.Success),
                new("Abandoned", [.. axis.Select(at => Of(at, i => i.Abandoned))], ChartColour.Error),
            ],
            Whole);
    }

    /// <summary>The day's service level so far at the end of each interval, against its target.</summary>
    public static ChartModel ServiceLevel(TodayFigures figures, string? queueId, QueueTargets targets, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var axis = Axis(figures);
        var byStart = IntervalsOf(figures, queueId);
        double? soFar = null;
        var values = ImmutableArray.CreateBuilder<double?>(axis.Length);
        foreach (var at in axis)
        {
            // "So far" is cumulative: an interval with no call leaves it where it was.
            if (byStart.TryGetValue(at, out var interval) && interval.ServiceLevelSoFar is { } level)
            {
                soFar = level * 100;
            }
            values.Add(soFar);
        }
        return new ChartModel(
            "service-level",
            "Service level through the day",
            $"The day's service level so far at the end of each interval, against its target of {FigureText.ServiceLevelTarget(targets)}.",
            "Interval",
            Labels(axis, zone),
            [
                new("Service level so far", values.MoveToImmutable(), ChartColour.Primary),
                new($"Target {FigureText.Percent(targets.ServiceLevelGoal)}", [.. axis.Select(_ => (double?)(targets.ServiceLevelGoal * 100))], ChartColour.Warning),
            ],
            v => v is { } p ? FigureText.Percent(p / 100) : FigureText.None);
    }

    /// <summary>Callers waiting in each queue, minute by minute over the last hour.</summary>
    public static ChartModel QueueLength(TodayFigures figures, IReadOnlyList<(string Id, string Name)> queues, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(queues);
        var end = new DateTimeOffset(figures.Now.UtcTicks - figures.Now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var minutes = Enumerable.Range(0, 61).Select(m => end.AddMinutes(m - 60)).ToImmutableArray();
        var points = figures.QueueLength.OrderBy(p => p.At).ToList();
        QueueLengthPoint? At(DateTimeOffset t)
        {
            QueueLengthPoint? last = null;
            foreach (var point in points)
            {
                if (point.At > t)
                {
                    break;
                }
                last = point;
            }
            return last;
        }
        var sampled = minutes.Select(At).ToList();
        var colours = new[] { ChartColour.Primary, ChartColour.Secondary, ChartColour.Tertiary, ChartColour.Info, ChartColour.Warning, ChartColour.Neutral };
        var series = queues.Select((q, n) => new ChartSeriesModel(
            q.Name,
            [.. sampled.Select(p => (double?)(p?.Waiting.GetValueOrDefault(q.Id) ?? 0))],
            colours[n % colours.Length]));
        return new ChartModel(
            "queue-length",
            "Queue length, last hour",
            "Callers waiting in each queue, minute by minute over the last hour.",
            "Time",
            [.. minutes.Select(m => FigureText.Clock(m, zone))],
            [.. series],
            Whole);
    }

    /// <summary>How many agents were in each state in each interval, on average (stacked).</summary>
    public static ChartModel AgentStates(TodayFigures figures, TimeZoneInfo zone)
    {
        var axis = Axis(figures);
        var byStart = figures.AgentStates.GroupBy(p => IntervalClock.StartOf(p.Start)).ToDictionary(g => g.Key, g => g.Last());
        double? Of(DateTimeOffset at, Func<AgentStatePoint, double> pick) => byStart.TryGetValue(at, out var p) ? Math.Round(pick(p), 1) : 0;
        return new ChartModel(
            "agent-states",
            "Agents by state",
            "How many agents were in each state in each 15-minute interval, on average (the current interval so far).",
            "Interval",
            Labels(axis, zone),
            [
                new("Available", [.. axis.Select(at => Of(at, p => p.Available))], ChartColour.Success),
                new("Offered", [.. axis.Select(at => Of(at, p => p.Offered))], ChartColour.Info),
                new("On call", [.. axis.Select(at => Of(at, p => p.OnCall))], ChartColour.Primary),
                new("Wrap-up", [.. axis.Select(at => Of(at, p => p.WrapUp))], ChartColour.Secondary),
                new("Away", [.. axis.Select(at => Of(at, p => p.Away))], ChartColour.Neutral),
            ],
            v => v is { } n ? n.ToString("0.#", CultureInfo.InvariantCulture) : FigureText.None);
    }

    private static Dictionary<DateTimeOffset, IntervalFigures> IntervalsOf(TodayFigures figures, string? queueId) =>
        figures.IntervalsOf(queueId).GroupBy(i => IntervalClock.StartOf(i.Start)).ToDictionary(g => g.Key, g => g.Last());

    private static ImmutableArray<string> Labels(ImmutableArray<DateTimeOffset> axis, TimeZoneInfo zone) => [.. axis.Select(at => FigureText.Clock(at, zone))];

    private static string Whole(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : FigureText.None;
}
