using CallSupervisor.Contracts;
using CallSupervisor.Core.Figures;

namespace CallSupervisor.Web.Hubs;

/// <summary>The day's figures on the wire (seconds, shares), with the missed targets in the words the wallboard uses.</summary>
internal static class FiguresMapper
{
    public static FiguresDto ToDto(this TodayFigures figures) =>
        new(figures.Now, figures.DayStart, [.. figures.Queues.Select(ToDto)], figures.Total.ToDto());

    public static QueueFiguresDto ToDto(this QueueToday q) => new(
        q.QueueId, q.Name, q.Offered, q.Answered, q.Abandoned, q.ShortAbandoned, q.Overflowed,
        q.AbandonmentRate, q.ServiceLevel, q.Targets.ServiceLevelGoal, q.Targets.AnswerWithin.TotalSeconds,
        q.AverageSpeedOfAnswer?.TotalSeconds, q.LongestSpeedOfAnswer?.TotalSeconds, q.AverageHandleTime?.TotalSeconds,
        q.WaitingNow, q.LongestWaitNow?.TotalSeconds, q.Agents.Available, q.Agents.Busy, q.Agents.Away, q.Occupancy,
        Missed(q));

    private static List<string> Missed(QueueToday q)
    {
        var missed = new List<string>(4);
        if (q.ServiceLevelMissed)
        {
            missed.Add("service level");
        }
        if (q.AbandonmentMissed)
        {
            missed.Add("abandonment");
        }
        if (q.WaitMissed)
        {
            missed.Add("longest wait");
        }
        if (q.Unstaffed)
        {
            missed.Add("no agent");
        }
        return missed;
    }
}
