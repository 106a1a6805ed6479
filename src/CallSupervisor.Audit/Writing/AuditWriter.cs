using CallSupervisor.Core.Audit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Audit.Writing;

/// <summary>
/// The one reader of the update queue: writes what is waiting in batches (one transaction each), retries an
/// update whose row is not there yet a few times, keeps a batch while the database is down, and on shutdown
/// writes everything still queued before the host stops.
/// </summary>
internal sealed partial class AuditWriter(
    AuditUpdateQueue queue,
    AuditUpdateApplier applier,
    AuditWriterSettings settings,
    TimeProvider time,
    ILogger<AuditWriter> logger) : BackgroundService
{
    // Only the writer's loop touches the retries; the counters are read by tests and the operations view. Due
    // times are monotonic timestamps (TimeProvider.GetTimestamp): a clock change never holds a retry back.
    private readonly List<(QueuedUpdate Item, long Due)> _retries = [];
    private Task<bool>? _dataWaiting;
    private int _retryCount;
    private int _inFlight;
    private long _written;

    /// <summary>Nothing queued, being written or waiting for a retry.</summary>
    public bool IsIdle => queue.Count == 0 && Volatile.Read(ref _inFlight) == 0 && Volatile.Read(ref _retryCount) == 0;

    /// <summary>Raised after each batch is handled, so a waiter for <see cref="IsIdle"/> need not poll.</summary>
    internal event Action? Progressed;

    /// <summary>Updates handled so far (applied, or found to change nothing).</summary>
    public long Written => Interlocked.Read(ref _written);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
                await WriteAsync(TakeBatch(onlyDue: true), stopping: false, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through to the drain.
        }
        await DrainAsync().ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        // The loop drains on its way out; a host stopped before the loop began (the background service is
        // started on the thread pool) would leave the queue unwritten, so drain here once the loop is done.
        if (ExecuteTask is null || ExecuteTask.IsCompleted)
        {
            await DrainAsync().ConfigureAwait(false);
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        if (queue.Count > 0 || _retries.Exists(r => r.Due <= time.GetTimestamp()))
        {
            return;
        }
        // One wait on the channel at a time, kept across loops (a wait for a retry's time may win first).
        _dataWaiting ??= queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
        if (_retries.Count == 0)
        {
            await _dataWaiting.ConfigureAwait(false);
        }
        else
        {
            var dueIn = time.GetElapsedTime(time.GetTimestamp(), _retries.Min(r => r.Due));
            await Task.WhenAny(_dataWaiting, Task.Delay(dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, time, stoppingToken)).ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
        }
        if (_dataWaiting.IsCompleted)
        {
            var open = await _dataWaiting.ConfigureAwait(false);
            _dataWaiting = null;
            if (!open)
            {
                throw new OperationCanceledException("The audit queue was closed.");
            }
        }
    }

    private List<QueuedUpdate> TakeBatch(bool onlyDue)
    {
        // Busy before the first item leaves the queue, so IsIdle never sees an item in neither place.
        Volatile.Write(ref _inFlight, 1);
        var batch = new List<QueuedUpdate>(settings.BatchSize);
        var now = time.GetTimestamp();
        for (var i = 0; i < _retries.Count && batch.Count < settings.BatchSize; i++)
        {
            if (!onlyDue || _retries[i].Due <= now)
            {
                batch.Add(_retries[i].Item);
                _retries.RemoveAt(i--);
            }
        }
        while (batch.Count < settings.BatchSize && queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
        Volatile.Write(ref _inFlight, batch.Count);
        Volatile.Write(ref _retryCount, _retries.Count);
        return batch;
    }

    /// <summary>Writes one batch; while the database fails it keeps the batch and tries again, pausing longer each time.</summary>
    private async Task WriteAsync(List<QueuedUpdate> batch, bool stopping, CancellationToken stoppingToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var delay = settings.FailureDelay;
        while (true)
        {
            try
            {
                // Not cancelled by the stop signal: a batch that has started is finished, so nothing is half-written.
                var unknown = await applier.ApplyAsync(batch, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count - unknown.Count);
                LogWrote(batch.Count, unknown.Count);
                Retry(unknown, stopping);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (stopping)
                {
                    LogLostAtStop(ex, batch.Count);
                    break;
                }
                LogBatchFailed(ex, batch.Count, delay);
                // Stopping during the pause: the drain tries the batch once more.
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _retries.AddRange(batch.Select(item => (item, time.GetTimestamp())));
                    Volatile.Write(ref _retryCount, _retries.Count);
                    throw;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxFailureDelay.Ticks));
            }
        }
        Volatile.Write(ref _inFlight, 0);
        Progressed?.Invoke();
    }

    // An update can reach the writer before its row: RecordAsync of another request may still be committing.
    private void Retry(IReadOnlyList<QueuedUpdate> unknown, bool stopping)
    {
        foreach (var item in unknown)
        {
            var next = item with { Attempt = item.Attempt + 1 };
            if (stopping || next.Attempt >= settings.UnknownAttempts)
            {
                LogUnknown(item.Update.AuditId, item.Update.Status, next.Attempt);
                continue;
            }
            _retries.Add((next, time.GetTimestamp() + (long)(settings.UnknownRetryDelay.TotalSeconds * time.TimestampFrequency)));
        }
        Volatile.Write(ref _retryCount, _retries.Count);
    }

    private async Task DrainAsync()
    {
        // The retries first, once more each, then everything still queued.
        while (_retries.Count > 0 || queue.Count > 0)
        {
            await WriteAsync(TakeBatch(onlyDue: false), stopping: true, CancellationToken.None).ConfigureAwait(false);
        }
        Volatile.Write(ref _retryCount, 0);
        Progressed?.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Count} audit updates ({Unknown} for rows not found)")]
    private partial void LogWrote(int count, int unknown);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit update for unknown action {AuditId} ({Status}) given up after {Attempts} attempts: no row has this id")]
    private partial void LogUnknown(string auditId, AuditStatus status, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} audit updates failed; trying again in {Delay}")]
    private partial void LogBatchFailed(Exception ex, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} audit updates failed while stopping; they are lost")]
    private partial void LogLostAtStop(Exception ex, int count);
}
