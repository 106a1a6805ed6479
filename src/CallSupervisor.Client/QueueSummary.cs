using CallSupervisor.Contracts;

namespace CallSupervisor.Client;

/// <summary>
/// One queue's waiting callers on a <see cref="CallBoard"/>: how many, and since when the longest has waited (their
/// wait at a moment is that moment minus <see cref="OldestQueuedAt"/>).
/// </summary>
public sealed record QueueSummary(string QueueId, string QueueName, int Waiting, DateTimeOffset OldestQueuedAt)
{
    public TimeSpan LongestWait(DateTimeOffset now) => now - OldestQueuedAt;

    /// <summary>Live calls with a queue and no agent, by queue (ordered by id).</summary>
    public static IReadOnlyList<QueueSummary> Of(IEnumerable<CallDto> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return [.. calls
            .Where(c => c is { QueueId: not null, AgentId: null, QueuedAt: not null, EndedAt: null } && c.State != "Disconnected")
            .GroupBy(c => c.QueueId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new QueueSummary(g.Key, g.First().QueueName ?? g.Key, g.Count(), g.Min(c => c.QueuedAt!.Value)))];
    }
}
