namespace CallSupervisor.Contracts;

/// <summary>
/// The day's figures as the hub pushes them (<see cref="CallsHubContract.FiguresMessage"/>): per queue and for all
/// queues, at <see cref="At"/>. Durations are in seconds, rates between 0 and 1; null where there is nothing to count
/// yet. The definitions are those of the Today page's tooltips (README, "Today and the wallboard").
/// </summary>
public sealed record FiguresDto(DateTimeOffset At, DateTimeOffset DayStart, IReadOnlyList<QueueFiguresDto> Queues, QueueFiguresDto Total);

/// <summary>One queue's day (or all queues', <see cref="QueueId"/> null). <see cref="MissedTargets"/> says which targets are missed now, in words.</summary>
public sealed record QueueFiguresDto(
    string? QueueId,
    string Name,
    int Offered,
    int Answered,
    int Abandoned,
    int ShortAbandoned,
    int Overflowed,
    double? AbandonmentRate,
    double? ServiceLevel,
    double ServiceLevelGoal,
    double AnswerWithinSeconds,
    double? AverageSpeedOfAnswerSeconds,
    double? LongestSpeedOfAnswerSeconds,
    double? AverageHandleTimeSeconds,
    int WaitingNow,
    double? LongestWaitNowSeconds,
    int AgentsAvailable,
    int AgentsBusy,
    int AgentsAway,
    double? Occupancy,
    IReadOnlyList<string> MissedTargets);
