using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// Gives the memory of a busy spell back once the spell is over: every <see cref="MemoryOptions.IdleTrimInterval"/>,
/// when the process has gone quiet after allocating a lot and the collector holds much more than the heap needs, one
/// aggressive full collection (<see cref="GCCollectionMode.Aggressive"/>: compacts and decommits what is free).
/// Under load it does nothing (the collector keeps what it will use again); when idle it collects once, not again
/// until the process has been busy again. Measured with the load harness's <c>memory</c> scenario
/// (docs/performance.md).
/// </summary>
public sealed partial class IdleMemoryTrim(IOptions<MemoryOptions> options, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.IdleTrimInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval);
        var last = GC.GetTotalAllocatedBytes();
        var sinceTrim = 0L;
        var previous = 0L;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = GC.GetTotalAllocatedBytes();
            var allocated = now - last;
            last = now;
            sinceTrim += allocated;
            var before = previous;
            previous = allocated;
            var info = GC.GetGCMemoryInfo();
            if (!IdleTrimPolicy.ShouldTrim(allocated, before, sinceTrim, info.TotalCommittedBytes, info.HeapSizeBytes))
            {
                continue;
            }
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            sinceTrim = 0;
            last = GC.GetTotalAllocatedBytes();
            LogTrimmed(info.TotalCommittedBytes >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Quiet after a busy spell: collected and gave memory back, committed {Before} MB → {After} MB")]
    private partial void LogTrimmed(long before, long after);
}

/// <summary>When <see cref="IdleMemoryTrim"/> collects (apart, so the rule is tested without a collector).</summary>
public static class IdleTrimPolicy
{
    /// <summary>Quiet: less than this allocated during one interval (a few pages ticking, a callback now and then).</summary>
    public const long QuietBytes = 32L << 20;

    /// <summary>Busy since the last trim: at least this allocated (else there is nothing new to give back).</summary>
    public const long BusyBytes = 256L << 20;

    /// <summary>Worth a full collection: the collector holds at least this much beyond the heap.</summary>
    public const long SlackBytes = 64L << 20;

    /// <summary>
    /// Only where a busy interval turns quiet: a steady trickle that never makes an interval busy (1 MB/s is 30 MB in
    /// 30 s) would otherwise pass <see cref="BusyBytes"/> again every few minutes and get a blocking full collection
    /// each time.
    /// </summary>
    public static bool ShouldTrim(long allocatedInInterval, long allocatedInPreviousInterval, long allocatedSinceTrim, long committedBytes, long heapBytes) =>
        allocatedInInterval < QuietBytes && allocatedInPreviousInterval >= QuietBytes
        && allocatedSinceTrim >= BusyBytes && committedBytes - heapBytes >= SlackBytes;
}
