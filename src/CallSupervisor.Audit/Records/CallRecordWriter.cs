using System.Threading.Channels;
using CallSupervisor.Core.Figures;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Audit.Records;

/// <summary>How the call record writer batches and retries (fixed in the app; tests shorten the delays).</summary>
public sealed record CallRecordWriterSettings
{
    /// <summary>Records and wrap-ups waiting at most; past it the oldest is dropped (logged). Each holds about a kilobyte.</summary>
    public int Capacity { get; init; } = 100_000;

    /// <summary>Items written per transaction at most (a group commit of what waits).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>First pause after the database failed a batch; it doubles up to <see cref="MaxFailureDelay"/>.</summary>
    public TimeSpan FailureDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxFailureDelay { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The bounded queue in front of the <see cref="ICallRecordStore"/> and its one reader. <see cref="Add(CallRecord)"/>
/// and <see cref="Add(WrapUpEnded)"/> never block (the recorder follows the board's changes and must keep up with
/// them); the loop writes what waits in batches, keeps a batch and tries again, waiting longer each time, while the
/// database is down, and on shutdown writes what is left. Only past <see cref="CallRecordWriterSettings.Capacity"/>
/// waiting items — hours of calls at a busy centre with the database away — is the oldest dropped, with a warning.
/// </summary>
public sealed partial class CallRecordWriter : BackgroundService
{
    private readonly ICallRecordStore _store;
    private readonly CallRecordWriterSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<CallRecordWriter> _logger;
    private readonly Channel<object> _queue;
    private int _inFlight;
    private long _written;
    private long _dropped;

    public CallRecordWriter(ICallRecordStore store, CallRecordWriterSettings settings, TimeProvider time, ILogger<CallRecordWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _store = store;
        _settings = settings;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<object>(
            new BoundedChannelOptions(settings.Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnDropped);
    }

    /// <summary>Nothing queued or being written.</summary>
    public bool IsIdle => _queue.Reader.Count == 0 && Volatile.Read(ref _inFlight) == 0;

    /// <summary>Items written so far (records and wrap-ups, duplicates included).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Items lost because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Raised after each batch is handled, so a waiter for <see cref="IsIdle"/> need not poll.</summary>
    public event Action? Progressed;

    /// <summary>Queues an ended call's record.</summary>
    public void Add(CallRecord record) => _queue.Writer.TryWrite(record ?? throw new ArgumentNullException(nameof(record)));

    /// <summary>Queues the end of an agent's wrap-up after a call.</summary>
    public void Add(WrapUpEnded wrapUp) => _queue.Writer.TryWrite(wrapUp ?? throw new ArgumentNullException(nameof(wrapUp)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await WriteAsync(TakeBatch(), stopping: false, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: write what is left below.
        }
        await DrainAsync().ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        // A host stopped before the loop began would leave the queue unwritten.
        if (ExecuteTask is null || ExecuteTask.IsCompleted)
        {
            await DrainAsync().ConfigureAwait(false);
        }
    }

    private List<object> TakeBatch()
    {
        // Busy before the first item leaves the queue, so IsIdle never sees an item in neither place.
        Volatile.Write(ref _inFlight, 1);
        var batch = new List<object>(_settings.BatchSize);
        while (batch.Count < _settings.BatchSize && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
        return batch;
    }

    private async Task WriteAsync(List<object> batch, bool stopping, CancellationToken stoppingToken)
    {
        var delay = _settings.FailureDelay;
        while (batch.Count > 0)
        {
            try
            {
                // Records before wrap-ups: a wrap-up always follows its call's record in the queue, so in a batch too.
                // Not cancelled by the stop signal: a batch that has started is finished.
                await _store.AddAsync([.. batch.OfType<CallRecord>()], CancellationToken.None).ConfigureAwait(false);
                await _store.SetWrapUpAsync([.. batch.OfType<WrapUpEnded>()], CancellationToken.None).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
                LogWrote(batch.Count);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (stopping)
                {
                    LogLostAtStop(ex, batch.Count);
                    break;
                }
                // Writing again is harmless: both writes are idempotent.
                LogBatchFailed(ex, batch.Count, delay);
                try
                {
                    await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopping during the pause: one more try, then the drain.
                    stopping = true;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.MaxFailureDelay.Ticks));
            }
        }
        Volatile.Write(ref _inFlight, 0);
        Progressed?.Invoke();
    }

    private async Task DrainAsync()
    {
        while (_queue.Reader.Count > 0)
        {
            await WriteAsync(TakeBatch(), stopping: true, CancellationToken.None).ConfigureAwait(false);
        }
        Progressed?.Invoke();
    }

    private void OnDropped(object item)
    {
        var dropped = Interlocked.Increment(ref _dropped);
        LogDropped(item is CallRecord record ? record.CallId.Value : item is WrapUpEnded wrapUp ? wrapUp.CallId.Value : "?", _settings.Capacity, dropped);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Count} call records and wrap-ups")]
    private partial void LogWrote(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} call records failed; trying again in {Delay}")]
    private partial void LogBatchFailed(Exception ex, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} call records failed while stopping; they are lost")]
    private partial void LogLostAtStop(Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call record of {CallId} dropped: {Capacity} records wait for the database ({Dropped} dropped so far)")]
    private partial void LogDropped(string callId, int capacity, long dropped);
}
