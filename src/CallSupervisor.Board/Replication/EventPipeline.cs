using System.Threading.Channels;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Workflow;
using Microsoft.Extensions.Options;
using CallSupervisor.Board.EventLog;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Board.Replication;

/// <summary>What became of a callback batch.</summary>
public enum AppendResult
{
    /// <summary>In the log: acknowledge it.</summary>
    Accepted,

    /// <summary>Too much is waiting to be written: answer 503 so the sender retries later.</summary>
    Overloaded,

    /// <summary>The log cannot be written now: answer 503; nothing was acknowledged, so nothing is lost.</summary>
    Unavailable,
}

/// <summary>
/// The way into the event log. Callbacks are appended and only then acknowledged (<see cref="AcceptAsync"/>); an
/// action's mark is appended and waited for until this instance applied it (<see cref="ApplyAsync"/>); the app's own
/// facts (<see cref="Publish"/>: invitations and media the workflow started, re-reads, expiries) are appended in
/// order by one background writer that retries until the log takes them — they are few, and losing one would lose an
/// invitation id or a media operation.
/// </summary>
public sealed partial class EventPipeline : ICallEventSink, IEventApplier, IAsyncDisposable
{
    private readonly IEventLog _log;
    private readonly AppliedEvents _applied;
    private readonly EventLogStatus _status;
    private readonly EventLogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EventPipeline> _logger;
    // Not single-reader: that channel kind supports neither Count nor TryPeek, which the backlog needs.
    private readonly Channel<(CallEvent Event, DateTimeOffset At)> _facts = Channel.CreateUnbounded<(CallEvent, DateTimeOffset)>(new() { SingleReader = false });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private int _inFlight;

    public EventPipeline(IEventLog log, AppliedEvents applied, EventLogStatus status, IOptions<EventLogOptions> options, IOptions<CallsOptions> calls, TimeProvider time, ILogger<EventPipeline> logger)
    {
        _log = log;
        _applied = applied;
        _status = status;
        _options = options.Value;
        _time = time;
        _logger = logger;
        Capacity = calls.Value.MaxQueuedEvents;
        _writer = Task.Run(WriteFactsAsync);
    }

    /// <summary>Callback events that may be on their way into the log at once.</summary>
    public int Capacity { get; }

    /// <summary>Callback events being appended now, plus the app's own facts waiting.</summary>
    public int Depth => Volatile.Read(ref _inFlight) + _facts.Reader.Count;

    /// <summary>How long the oldest of the app's own facts has waited (they wait only while the log is down).</summary>
    public TimeSpan OldestAge => _facts.Reader.TryPeek(out var oldest) ? _time.GetUtcNow() - oldest.At : TimeSpan.Zero;

    public async Task<AppendResult> AcceptAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return AppendResult.Accepted;
        }
        // Reserve first, so two concurrent batches cannot both pass a check that only one fits.
        if (Interlocked.Add(ref _inFlight, events.Count) > Capacity)
        {
            Interlocked.Add(ref _inFlight, -events.Count);
            return AppendResult.Overloaded;
        }
        try
        {
            await _log.AppendAsync(events, cancellationToken).ConfigureAwait(false);
            _status.Succeeded();
            return AppendResult.Accepted;
        }
        catch (EventLogUnavailableException ex)
        {
            _status.Failed(ex.Message);
            return AppendResult.Unavailable;
        }
        finally
        {
            Interlocked.Add(ref _inFlight, -events.Count);
        }
    }

    public async Task<(ApplyOutcome Outcome, Call? Call)> ApplyAsync(CallEvent callEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        var applied = _applied.Expect(callEvent.EventId);
        try
        {
            await _log.AppendAsync([callEvent], cancellationToken).ConfigureAwait(false);
            _status.Succeeded();
        }
        catch (EventLogUnavailableException ex)
        {
            _applied.Forget(callEvent.EventId);
            _status.Failed(ex.Message);
            throw;
        }
        try
        {
            return await applied.WaitAsync(_options.ApplyTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _applied.Forget(callEvent.EventId);
            throw new EventLogUnavailableException($"The event was appended but not read back within {_options.ApplyTimeout.TotalSeconds:0} s.");
        }
    }

    public void Publish(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        _facts.Writer.TryWrite((callEvent, _time.GetUtcNow()));
    }

    private async Task WriteFactsAsync()
    {
        var batch = new List<CallEvent>();
        var delay = TimeSpan.FromMilliseconds(100);
        try
        {
            while (await _facts.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                batch.Clear();
                // Retried as one batch until appended, so they reach the log in the order they were learnt.
                var items = new List<(CallEvent Event, DateTimeOffset At)>();
                while (items.Count < 256 && _facts.Reader.TryRead(out var item))
                {
                    items.Add(item);
                }
                batch.AddRange(items.Select(i => i.Event));
                while (true)
                {
                    try
                    {
                        await _log.AppendAsync(batch, CancellationToken.None).ConfigureAwait(false);
                        _status.Succeeded();
                        delay = TimeSpan.FromMilliseconds(100);
                        break;
                    }
                    catch (EventLogUnavailableException ex)
                    {
                        _status.Failed(ex.Message);
                        LogFactsWaiting(batch.Count, ex.Message);
                        await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
                        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: facts not yet in the log are re-learnt from ACS by the re-reads after the next start.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _facts.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} of the app's own events wait for the event log ({Reason})")]
    private partial void LogFactsWaiting(int count, string reason);
}
