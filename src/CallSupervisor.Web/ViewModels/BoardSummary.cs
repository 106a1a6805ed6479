using System.Collections.Immutable;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Web.ViewModels;

/// <summary>Callers waiting in one queue, for the summary (<see cref="BoardSummary.ByQueue"/>).</summary>
public sealed record QueueWaiting(string QueueId, string Name, int Waiting);

/// <summary>
/// What a supervisor reads at a glance, over live calls (ended ones excluded), with the same definitions as the grid:
/// calls, callers waiting (every queued caller with no agent yet, and calls outside the queues with an invitation
/// ringing and nobody who accepted), the longest wait, calls with someone on hold, calls with media running, and calls
/// needing attention. <see cref="ByQueue"/>: the waiting callers per queue, queues with none left out.
/// </summary>
public sealed record BoardSummary(int Calls, int Waiting, TimeSpan? LongestWait, int OnHold, int MediaRunning, int NeedsAttention)
{
    public ImmutableArray<QueueWaiting> ByQueue { get; init; } = [];

    public static BoardSummary From(IEnumerable<CallRow> rows, DateTimeOffset now, Attention attention, ContactCenterDirectory? directory = null)
    {
        int calls = 0, waiting = 0, onHold = 0, media = 0, attentionCount = 0;
        TimeSpan? longest = null;
        Dictionary<string, int>? byQueue = null;
        foreach (var row in rows)
        {
            if (!row.IsLive)
            {
                continue;
            }
            calls++;
            DateTimeOffset? waitingSince = row.WaitingSince
                ?? (row.QueueId is null && row.RingingSince is { } ringing && !row.AgentAnswered ? ringing : null);
            if (waitingSince is { } since)
            {
                waiting++;
                var wait = now - since;
                longest = longest is { } l && l > wait ? l : wait;
            }
            if (row.WaitingSince is not null && row.QueueId is { } queue)
            {
                byQueue ??= new Dictionary<string, int>(StringComparer.Ordinal);
                byQueue[queue] = byQueue.GetValueOrDefault(queue) + 1;
            }
            onHold += row.OnHoldSince is null ? 0 : 1;
            media += row.RunningMedia > 0 ? 1 : 0;
            attentionCount += attention.Of(row, now) == AttentionReason.None ? 0 : 1;
        }
        return new BoardSummary(calls, waiting, longest, onHold, media, attentionCount) { ByQueue = QueuesOf(byQueue, directory) };
    }

    // In the directory's order, then queues it does not list (by id).
    private static ImmutableArray<QueueWaiting> QueuesOf(Dictionary<string, int>? byQueue, ContactCenterDirectory? directory)
    {
        if (byQueue is null)
        {
            return [];
        }
        var order = directory?.Queues.Select(q => q.Id).ToList() ?? [];
        return [.. byQueue
            .OrderBy(q => order.IndexOf(q.Key) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => new QueueWaiting(q.Key, directory?.Queue(q.Key)?.Name ?? q.Key, q.Value))];
    }
}
