using System.Diagnostics;

namespace CallSupervisor.Load.Support;

/// <summary>The steady load of the latency scenarios: one roster change per POST, round robin over the calls, at a fixed rate.</summary>
public static class Pacer
{
    /// <summary>Posts at <paramref name="rate"/> for <paramref name="duration"/>, then waits (10 s at most) for the arrivals; returns the failed POSTs.</summary>
    public static async Task<int> PaceAsync(CallbackDriver driver, Uri target, RosterFeed[] feeds, LatencyTracker tracker, int rate, TimeSpan duration, CancellationToken ct)
    {
        var total = (long)(rate * duration.TotalSeconds);
        var posts = new List<Task<int>>((int)total);
        var start = Stopwatch.GetTimestamp();
        long sent = 0;
        // The pacing clock of the load itself (5 ms, so a rate is sent in small even bursts), not a wait for a result.
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (sent < total)
        {
            var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1);
            for (; sent < due; sent++)
            {
                // Round robin: a call gets its next change only after every other call got one.
                var feed = feeds[sent % feeds.Length];
                var (cloudEvent, muted) = feed.Next();
                tracker.OnSent(feed.Call.CallId, muted);
                posts.Add(driver.PostAsync(target, RosterFeed.Array(cloudEvent), ct));
            }
            await tick.WaitForNextTickAsync(ct);
        }
        var statuses = await Task.WhenAll(posts);
        await tracker.WhenCompleteAsync(TimeSpan.FromSeconds(10), ct);
        return statuses.Count(s => s != 200);
    }
}
