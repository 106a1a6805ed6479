using CallSupervisor.Core.Model;
using CallSupervisor.Core.Settings;
using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Figures;

/// <summary>How many agents are in each state now.</summary>
public sealed record AgentCounts(int Available, int Offered, int OnCall, int WrapUp, int Away, int Offline)
{
    public static AgentCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Busy with a call: offered, on it, or wrapping it up.</summary>
    public int Busy => Offered + OnCall + WrapUp;

    public int SignedIn => Available + Busy + Away;
}

/// <summary>
/// One queue's day so far (or every queue's, <see cref="QueueId"/> null). Definitions (each figure's tooltip says the
/// same in words):
/// <list type="bullet">
/// <item><see cref="Offered"/>: callers who entered the queue today (waiting now included).</item>
/// <item><see cref="Answered"/>, <see cref="Abandoned"/> (hung up while waiting, short abandons not included),
/// <see cref="ShortAbandoned"/> (hung up within <see cref="QueueTargets.ShortAbandon"/>), <see cref="Overflowed"/>
/// (moved to another queue after its wait limit).</item>
/// <item><see cref="AbandonmentRate"/> = abandoned ÷ (answered + abandoned).</item>
/// <item><see cref="ServiceLevel"/> = answered within the target ÷ (answered + abandoned + waiting now past the
/// target): a caller still waiting past the target already counts against it.</item>
/// <item><see cref="AverageSpeedOfAnswer"/> / <see cref="LongestSpeedOfAnswer"/>: the wait in this queue of answered
/// callers.</item>
/// <item><see cref="AverageHandleTime"/> = (talk + hold + wrap-up) ÷ calls handled.</item>
/// <item><see cref="WaitingNow"/> / <see cref="LongestWaitNow"/>: every caller waiting in the queue now, also one who
/// entered it before midnight (counted in yesterday's offered).</item>
/// <item><see cref="Occupancy"/>: <see cref="AgentTime.Occupancy"/> of the queue's agents today.</item>
/// </list>
/// A caller moved to another queue counts in both (overflowed in the first); the total counts them once.
/// </summary>
public sealed record QueueToday(
    string? QueueId,
    string Name,
    QueueTargets Targets,
    int Offered,
    int Answered,
    int Abandoned,
    int ShortAbandoned,
    int Overflowed,
    double? AbandonmentRate,
    double? ServiceLevel,
    TimeSpan? AverageSpeedOfAnswer,
    TimeSpan? LongestSpeedOfAnswer,
    TimeSpan? AverageHandleTime,
    int Handled,
    int WaitingNow,
    TimeSpan? LongestWaitNow,
    AgentCounts Agents,
    double? Occupancy)
{
    public bool ServiceLevelMissed => ServiceLevel is { } level && level < Targets.ServiceLevelGoal;

    public bool AbandonmentMissed => AbandonmentRate is { } rate && rate > Targets.AbandonmentLimit;

    public bool WaitMissed => LongestWaitNow is { } wait && wait > Targets.QueueWait;

    /// <summary>Callers wait and no agent of the queue is free or busy with a call: nobody will take them.</summary>
    public bool Unstaffed => WaitingNow > 0 && Agents.Available + Agents.Busy == 0;

    /// <summary>Any target missed now.</summary>
    public bool Missed => ServiceLevelMissed || AbandonmentMissed || WaitMissed || Unstaffed;
}

/// <summary>One agent's day so far.</summary>
/// <remarks><c>AverageHandleTime</c>: (talk + hold + wrap-up) ÷ calls handled, wrap-ups that ended only.</remarks>
public sealed record AgentToday(
    string AgentId,
    string Name,
    AgentState State,
    DateTimeOffset StateSince,
    int Handled,
    TimeSpan? AverageHandleTime,
    int Missed,
    AgentTime Time)
{
    public double? Occupancy => Time.Occupancy;
}

/// <summary>
/// One 15-minute interval of one queue (or all, <see cref="QueueId"/> null): the callers who entered the queue in it
/// and what became of them. <see cref="ServiceLevelSoFar"/> is the day's service level up to the end of this interval.
/// </summary>
public sealed record IntervalFigures(
    DateTimeOffset Start,
    string? QueueId,
    int Offered,
    int Answered,
    int Abandoned,
    int ShortAbandoned,
    int Overflowed,
    double? AbandonmentRate,
    double? ServiceLevel,
    double? ServiceLevelSoFar,
    TimeSpan? AverageSpeedOfAnswer,
    TimeSpan? LongestSpeedOfAnswer,
    int Handled,
    TimeSpan? AverageHandleTime);

/// <summary>Callers waiting at one moment, by queue id, and in total.</summary>
public sealed record QueueLengthPoint(DateTimeOffset At, ImmutableDictionary<string, int> Waiting)
{
    public int Total => Waiting.Values.Sum();
}

/// <summary>How many agents were in each state in one 15-minute interval, on average (the current interval: so far).</summary>
public sealed record AgentStatePoint(DateTimeOffset Start, double Available, double Offered, double OnCall, double WrapUp, double Away);

/// <summary>The day so far, as the Today page, the wallboard and the hub show it: computed by <see cref="DayFigures.Today"/>.</summary>
public sealed record TodayFigures(
    DateTimeOffset DayStart,
    DateTimeOffset Now,
    ImmutableArray<QueueToday> Queues,
    QueueToday Total,
    ImmutableArray<AgentToday> Agents,
    ImmutableArray<IntervalFigures> Intervals,
    ImmutableArray<QueueLengthPoint> QueueLength,
    ImmutableArray<AgentStatePoint> AgentStates)
{
    /// <summary>The intervals of one queue (null: all queues together), in time order.</summary>
    public IEnumerable<IntervalFigures> IntervalsOf(string? queueId) => Intervals.Where(i => i.QueueId == queueId);
}
