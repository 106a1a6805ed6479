using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// One queue at a glance: callers waiting and since when the longest has, and its agents by what they can do now —
/// <see cref="Available"/>, <see cref="OnCall"/> (ringing, talking or wrapping up) and <see cref="Away"/> (offline
/// agents are not counted).
/// </summary>
public sealed record QueueFigures(string QueueId, string Name, int Waiting, DateTimeOffset? OldestQueuedAt, int Available, int OnCall, int Away)
{
    public TimeSpan? LongestWait(DateTimeOffset now) => OldestQueuedAt is { } oldest ? now - oldest : null;

    /// <summary>Every queue of the directory, in its order, then any queue a caller waits in that it does not list.</summary>
    public static IReadOnlyList<QueueFigures> All(ContactCenterDirectory directory, IEnumerable<Call> calls, IReadOnlyList<AgentRow> agents)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var waiting = new Dictionary<string, (int Count, DateTimeOffset Oldest)>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            if (call is { IsQueued: true, QueueId: { } queue, QueuedAt: { } at })
            {
                var (count, oldest) = waiting.GetValueOrDefault(queue, (0, DateTimeOffset.MaxValue));
                waiting[queue] = (count + 1, at < oldest ? at : oldest);
            }
        }
        var ids = directory.Queues.Select(q => q.Id).Concat(waiting.Keys.Where(k => directory.Queue(k) is null).Order(StringComparer.Ordinal));
        return [.. ids.Select(id =>
        {
            var (count, oldest) = waiting.GetValueOrDefault(id, (0, DateTimeOffset.MaxValue));
            int available = 0, onCall = 0, away = 0;
            foreach (var agent in agents)
            {
                if (!agent.Queues.Contains(id))
                {
                    continue;
                }
                available += agent.State == AgentState.Available ? 1 : 0;
                onCall += agent.IsBusy ? 1 : 0;
                away += agent.State == AgentState.Away ? 1 : 0;
            }
            return new QueueFigures(id, directory.Queue(id)?.Name ?? id, count, count > 0 ? oldest : null, available, onCall, away);
        })];
    }
}
