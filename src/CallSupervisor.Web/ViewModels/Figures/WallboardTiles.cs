using System.Collections.Immutable;
using System.Globalization;
using CallSupervisor.Core.Figures;

namespace CallSupervisor.Web.ViewModels.Figures;

/// <summary>
/// A queue's four figures on the wallboard — waiting, longest wait, service level, agents free — each missed target
/// said in words ("Longest wait 2:10 — over 1:00", "No agent free") as well as in colour.
/// </summary>
public static class WallboardTiles
{
    public static ImmutableArray<FigureTileModel> Of(QueueToday queue, TimeSpan sinceComputed)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var t = queue.Targets;
        var longest = QueueTiles.LongestWait(queue, sinceComputed);
        var longestText = FigureText.Duration(longest);
        var level = FigureText.Percent(queue.ServiceLevel);
        var goal = FigureText.Percent(t.ServiceLevelGoal);
        var nobodyFree = queue.WaitingNow > 0 && queue.Agents.Available == 0;
        return
        [
            new("waiting", "Waiting", queue.WaitingNow.ToString(CultureInfo.InvariantCulture), FigureHelp.WaitingNow),
            new("longest-wait", "Longest wait", longestText, FigureHelp.LongestWaitNow(t),
                longest is null ? Verdict.None : longest > t.QueueWait ? Verdict.Missed : Verdict.Met,
                longest is null ? $"Limit {FigureText.Limit(t.QueueWait)}"
                : longest > t.QueueWait ? $"Longest wait {longestText} — over {FigureText.Limit(t.QueueWait)}"
                : $"Limit {FigureText.Limit(t.QueueWait)}"),
            new("service-level", "Service level", level, FigureHelp.ServiceLevel(t),
                queue.ServiceLevel is null ? Verdict.None : queue.ServiceLevelMissed ? Verdict.Missed : Verdict.Met,
                queue.ServiceLevelMissed ? $"Service level {level} — target {goal}" : $"Target {goal} in {FigureText.Limit(t.AnswerWithin)}"),
            new("available", "Agents free", queue.Agents.Available.ToString(CultureInfo.InvariantCulture), FigureHelp.Agents,
                nobodyFree ? Verdict.Missed : Verdict.None,
                nobodyFree ? "No agent free" : string.Create(CultureInfo.InvariantCulture, $"{queue.Agents.Busy} busy · {queue.Agents.Away} away")),
        ];
    }
}
