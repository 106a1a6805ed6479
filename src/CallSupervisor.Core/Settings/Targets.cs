using System.Collections.Immutable;

namespace CallSupervisor.Core.Settings;

/// <summary>
/// What one queue is measured against: its service level (<see cref="ServiceLevelGoal"/> of callers answered within
/// <see cref="AnswerWithin"/>, e.g. 80/20), the abandonment it tolerates, the hang-ups too quick to count
/// (<see cref="ShortAbandon"/>), and the thresholds past which a call needs attention.
/// </summary>
public sealed record QueueTargets
{
    public static QueueTargets Default { get; } = new();

    public TimeSpan AnswerWithin { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Between 0 and 1 (0.8 = 80 %).</summary>
    public double ServiceLevelGoal { get; init; } = 0.8;

    /// <summary>The highest abandonment that is still on target, between 0 and 1.</summary>
    public double AbandonmentLimit { get; init; } = 0.05;

    /// <summary>A caller who hangs up within this of queuing is a short abandon: counted apart, in no rate.</summary>
    public TimeSpan ShortAbandon { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait now past which the queue is shown as missing its target.</summary>
    public TimeSpan QueueWait { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan Ringing { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan OnHold { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan CallLength { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Why these targets cannot be used (null when they can): one wording for the settings, the editor and the API.</summary>
    public string? Problem =>
        AnswerWithin <= TimeSpan.Zero || AnswerWithin > TimeSpan.FromHours(1) ? "The answer target must be between 1 second and 1 hour."
        : ServiceLevelGoal is <= 0 or > 1 || double.IsNaN(ServiceLevelGoal) ? "The service level goal must be above 0 % and at most 100 %."
        : AbandonmentLimit is < 0 or > 1 || double.IsNaN(AbandonmentLimit) ? "The abandonment limit must be between 0 % and 100 %."
        : ShortAbandon < TimeSpan.Zero || ShortAbandon > TimeSpan.FromMinutes(1) ? "The short abandon must be between 0 and 60 seconds."
        : QueueWait <= TimeSpan.Zero || Ringing <= TimeSpan.Zero || OnHold <= TimeSpan.Zero || CallLength <= TimeSpan.Zero
            ? "Every threshold must be longer than zero."
        : QueueWait > TimeSpan.FromDays(1) || Ringing > TimeSpan.FromDays(1) || OnHold > TimeSpan.FromDays(1) || CallLength > TimeSpan.FromDays(1)
            ? "Every threshold must be at most a day."
        : null;
}

/// <summary>The targets of every queue: each queue's own, or <see cref="Default"/>.</summary>
public sealed record Targets(QueueTargets Default, ImmutableDictionary<string, QueueTargets> Queues)
{
    public static Targets Standard { get; } = new(QueueTargets.Default, ImmutableDictionary<string, QueueTargets>.Empty);

    public QueueTargets For(string? queueId) =>
        queueId is not null && Queues.TryGetValue(queueId, out var own) ? own : Default;

    /// <summary>The same targets (records compare their dictionaries by reference; this compares what they hold).</summary>
    public bool SameAs(Targets? other) =>
        other is not null && Default == other.Default && Queues.Count == other.Queues.Count
        && Queues.All(q => other.Queues.TryGetValue(q.Key, out var theirs) && theirs == q.Value);

    /// <summary>Why these cannot be used (null when they can), naming the queue.</summary>
    public string? Problem => Default.Problem is { } problem ? "Default: " + problem
        : Queues.Where(q => q.Value.Problem is not null).Select(q => $"{q.Key}: {q.Value.Problem}").FirstOrDefault();
}
