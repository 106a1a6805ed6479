using System.Collections.Immutable;
using System.Globalization;
using CallSupervisor.Core.Figures;

namespace CallSupervisor.Web.ViewModels.Figures;

/// <summary>The tiles of one queue's day (or the total) on the Today page, in reading order.</summary>
public static class QueueTiles
{
    /// <summary>
    /// The tiles of <paramref name="queue"/>, its figures computed <paramref name="sinceComputed"/> ago: the longest wait
    /// now keeps growing between pushes (the page ticks), everything else changes only with an event.
    /// </summary>
    public static ImmutableArray<FigureTileModel> Of(QueueToday queue, TimeSpan sinceComputed)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var t = queue.Targets;
        var longest = LongestWait(queue, sinceComputed);
        return
        [
            new("offered", "Offered", Count(queue.Offered), FigureHelp.Offered),
            new("answered", "Answered", Count(queue.Answered), FigureHelp.Answered),
            new("abandoned", "Abandoned", FigureText.CountAndShare(queue.Abandoned, queue.AbandonmentRate), FigureHelp.Abandoned(t),
                queue.AbandonmentRate is null ? Verdict.None : queue.AbandonmentMissed ? Verdict.Missed : Verdict.Met,
                queue.AbandonmentRate is null ? null : queue.AbandonmentMissed
                    ? $"over the {FigureText.Percent(t.AbandonmentLimit)} limit"
                    : $"limit {FigureText.Percent(t.AbandonmentLimit)}"),
            new("short-abandoned", "Short abandoned", Count(queue.ShortAbandoned), FigureHelp.ShortAbandoned(t)),
            new("overflowed", "Overflowed", Count(queue.Overflowed), FigureHelp.Overflowed),
            new("service-level", "Service level", FigureText.Percent(queue.ServiceLevel), FigureHelp.ServiceLevel(t),
                queue.ServiceLevel is null ? Verdict.None : queue.ServiceLevelMissed ? Verdict.Missed : Verdict.Met,
                (queue.ServiceLevelMissed ? "below target " : "target ") + FigureText.ServiceLevelTarget(t)),
            new("asa", "Average speed of answer", FigureText.Duration(queue.AverageSpeedOfAnswer), FigureHelp.AverageSpeedOfAnswer),
            new("longest-answer", "Longest speed of answer", FigureText.Duration(queue.LongestSpeedOfAnswer), FigureHelp.LongestSpeedOfAnswer),
            new("aht", "Average handle time", FigureText.Duration(queue.AverageHandleTime), FigureHelp.AverageHandleTime),
            new("waiting", "Waiting now", Count(queue.WaitingNow), FigureHelp.WaitingNow,
                queue.Unstaffed ? Verdict.Missed : Verdict.None, queue.Unstaffed ? "no agent to take them" : null),
            new("longest-wait", "Longest wait now", FigureText.Duration(longest), FigureHelp.LongestWaitNow(t),
                longest is null ? Verdict.None : longest > t.QueueWait ? Verdict.Missed : Verdict.Met,
                longest is null ? null : (longest > t.QueueWait ? "over " : "limit ") + FigureText.Limit(t.QueueWait)),
            new("agents", "Agents", AgentsText(queue.Agents), FigureHelp.Agents),
            new("occupancy", "Occupancy", FigureText.Percent(queue.Occupancy), FigureHelp.Occupancy),
        ];
    }

    /// <summary>The longest wait now, grown by the time since the figures were computed; null when nobody waits.</summary>
    public static TimeSpan? LongestWait(QueueToday queue, TimeSpan sinceComputed)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return queue.LongestWaitNow is { } wait ? wait + (sinceComputed > TimeSpan.Zero ? sinceComputed : TimeSpan.Zero) : null;
    }

    public static string AgentsText(AgentCounts agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        return string.Create(CultureInfo.InvariantCulture, $"{agents.Available} available · {agents.Busy} busy · {agents.Away} away");
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
