using System.Threading.Channels;
using CallSupervisor.Emulator.Faults;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Emulator.Delivery;

/// <summary>
/// Posts callbacks to the app. Posts of one call go through one lane in order (a fixed number of lanes bounds the
/// workers); faults (drop, duplicate, reorder) are applied here so every kind of post gets them. Nothing posts before
/// the app is attached, and IncomingCall waits for the Event Grid subscription validation handshake.
/// </summary>
internal sealed partial class CallbackDispatcher : IDeliverySink, IAsyncDisposable
{
    private const int LaneCount = 8;
    private readonly Channel<Delivery>[] _lanes = new Channel<Delivery>[LaneCount];
    private readonly Task[] _workers = new Task[LaneCount];
    private readonly TaskCompletionSource<Uri> _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly CallbackPoster _poster;
    private readonly FaultState _faults;
    private readonly EventFactory _events;
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _attachGate = new();
    private volatile Task<bool> _validation = Task.FromResult(false);
    private long _sent;
    private long _failed;
    private long _dropped;

    public CallbackDispatcher(
        CallbackPoster poster, FaultState faults, EventFactory events, EmulatorOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _poster = poster;
        _faults = faults;
        _events = events;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        for (var i = 0; i < LaneCount; i++)
        {
            _lanes[i] = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
            var lane = _lanes[i];
            _workers[i] = Task.Run(() => RunLaneAsync(lane.Reader, _stopping.Token));
        }
    }

    public Uri? AppBaseAddress => _attached.Task.IsCompletedSuccessfully ? _attached.Task.Result : null;

    public bool SubscriptionValidated => _validation.IsCompletedSuccessfully && _validation.Result;

    public DeliveryCounters Counters => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _failed), Interlocked.Read(ref _dropped));

    /// <summary>Sets the app address once and starts the Event Grid validation handshake.</summary>
    public bool Attach(Uri appBaseAddress)
    {
        var normalized = new Uri(appBaseAddress.ToString().TrimEnd('/') + "/");
        lock (_attachGate)
        {
            if (_attached.Task.IsCompleted)
            {
                return _attached.Task.Result == normalized;
            }
            // The handshake task exists before the lanes wake up, so no IncomingCall can slip past it.
            _validation = ValidateSubscriptionAsync(normalized, _stopping.Token);
            _attached.SetResult(normalized);
            return true;
        }
    }

    public void Enqueue(Delivery delivery)
    {
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(delivery.OrderingKey) % LaneCount);
        _lanes[lane].Writer.TryWrite(delivery);
    }

    private async Task RunLaneAsync(ChannelReader<Delivery> reader, CancellationToken ct)
    {
        try
        {
            var app = await _attached.Task.WaitAsync(ct);
            while (await reader.WaitToReadAsync(ct))
            {
                var batch = await TakeBatchAsync(reader, ct);
                foreach (var delivery in batch)
                {
                    try
                    {
                        await SendWithFaultsAsync(app, delivery, ct);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        // A lane must survive anything a single post does.
                        Interlocked.Increment(ref _failed);
                        LogSendFailed(ex, delivery.EventType, delivery.EventId);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One delivery, or with the reorder fault a held batch in reverse order.</summary>
    private async Task<IReadOnlyList<Delivery>> TakeBatchAsync(ChannelReader<Delivery> reader, CancellationToken ct)
    {
        reader.TryRead(out var first);
        var settings = _faults.Current;
        if (settings.ReorderBatchSize <= 1)
        {
            return [first!];
        }
        var batch = new List<Delivery> { first! };
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(ct);
        hold.CancelAfter(TimeSpan.FromMilliseconds(settings.ReorderHoldWindowMs));
        try
        {
            while (batch.Count < settings.ReorderBatchSize)
            {
                if (reader.TryRead(out var next))
                {
                    batch.Add(next);
                    continue;
                }
                await reader.WaitToReadAsync(hold.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The hold window passed: send what was collected.
        }
        batch.Reverse();
        return batch;
    }

    private async Task SendWithFaultsAsync(Uri app, Delivery delivery, CancellationToken ct)
    {
        if (delivery.Kind == DeliveryKind.EventGrid)
        {
            await _validation.WaitAsync(ct);
        }
        if (_faults.ShouldDropCallback())
        {
            Interlocked.Increment(ref _dropped);
            LogDropped(delivery.EventType, delivery.EventId);
            return;
        }
        var copies = _faults.Current.DuplicateCallbacks ? 2 : 1;
        for (var i = 0; i < copies; i++)
        {
            if (await _poster.PostAsync(Resolve(app, delivery), delivery, ct))
            {
                Interlocked.Increment(ref _sent);
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }
        }
    }

    private Uri Resolve(Uri app, Delivery delivery) => delivery.Kind switch
    {
        DeliveryKind.EventGrid => new Uri(app, _options.EventGridPath.TrimStart('/')),
        DeliveryKind.Graph => new Uri(app, _options.GraphNotificationPath.TrimStart('/')),
        _ => delivery.Target!,
    };

    /// <summary>Event Grid's handshake: the webhook must echo the validation code before events flow.</summary>
    private async Task<bool> ValidateSubscriptionAsync(Uri app, CancellationToken ct)
    {
        var target = new Uri(app, _options.EventGridPath.TrimStart('/'));
        var delay = TimeSpan.FromMilliseconds(100);
        // The app may still be starting (dotnet run builds first), so keep trying for a while.
        var giveUpAt = _timeProvider.GetUtcNow() + TimeSpan.FromMinutes(2);
        while (_timeProvider.GetUtcNow() < giveUpAt)
        {
            var code = Guid.NewGuid().ToString();
            if (await _poster.ValidateAsync(target, _events.SubscriptionValidation(code), code, ct))
            {
                LogValidated(Redact.Address(target));
                return true;
            }
            await Task.Delay(delay, _timeProvider, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
        // Keep going anyway: a developer sees the error in the log and still gets calls.
        LogValidationFailed(Redact.Address(target));
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }
        await Task.WhenAll(_workers).ConfigureAwait(false);
        try
        {
            await _validation.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while validating.
        }
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped callback {EventType} {EventId} (fault injection)")]
    private partial void LogDropped(string eventType, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Posting {EventType} {EventId} failed")]
    private partial void LogSendFailed(Exception exception, string eventType, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event Grid subscription validated at {Target}")]
    private partial void LogValidated(string target);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event Grid subscription validation at {Target} failed; IncomingCall events are sent anyway")]
    private partial void LogValidationFailed(string target);
}

/// <summary>How many posts succeeded, failed after retries, or were dropped by fault injection.</summary>
internal sealed record DeliveryCounters(long Sent, long Failed, long Dropped);
