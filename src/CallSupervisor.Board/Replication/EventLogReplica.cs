using System.Diagnostics;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Store;
using CallSupervisor.Board.EventLog;
using CallSupervisor.Board.Workflow;
using Microsoft.Extensions.Options;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Board.Replication;

/// <summary>
/// This instance's copy of the board: applies the event log to the store in log order, from where the restored
/// checkpoint ends, and keeps doing so as records arrive (every instance does the same, so all stores agree). It
/// tells a waiting caller the outcome of its own event (<see cref="AppliedEvents"/>), lets the workflow react to what was
/// applied, and — on the leading instance — writes a checkpoint now and then. When the log is unreachable it keeps
/// what it has, says so (<see cref="EventLogStatus"/>) and resumes from the last record it applied.
/// </summary>
public sealed partial class EventLogReplica(
    IEventLog log,
    ICheckpointStore checkpoints,
    CallStore store,
    EventLogStart start,
    EventLogStatus status,
    ILeadership leadership,
    AppliedEvents applied,
    WorkflowReactions reactions,
    ActionTraces actionTraces,
    IOptions<EventLogOptions> options,
    TimeProvider time,
    ILogger<EventLogReplica> logger,
    CallSupervisor.Core.Diagnostics.CallSupervisorMetrics? metrics = null) : BackgroundService, IEndedCallPruning
{
    private string? _position = start.Position;
    private int _sinceCheckpoint;
    private DateTimeOffset _lastCheckpoint = time.GetUtcNow();

    // The checkpoint being serialized and saved, beside the apply loop rather than in it: written inline, the whole
    // store's JSON and the save's round trip (a remote PostgreSQL's included) held up every record behind it, so the
    // board stood still meanwhile. One at a time; a due one waits until the previous is saved. (On two cores the
    // serialization still competes for CPU: docs/performance.md.)
    private Task _checkpointing = Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? caughtUpAt = null;
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A real round trip before the log is called available again: a retry that is about to fail must
                // not clear the degraded state for a moment (the banner would flicker and its "since" restart).
                var last = await log.LastPositionAsync(stoppingToken).ConfigureAwait(false);
                status.Succeeded();
                if (!status.CaughtUp)
                {
                    caughtUpAt = last;
                    if (caughtUpAt is null || caughtUpAt == _position)
                    {
                        status.MarkCaughtUp();
                    }
                }
                await foreach (var record in log.ReadAsync(_position, stoppingToken).ConfigureAwait(false))
                {
                    Apply(record);
                    status.Succeeded();
                    delay = TimeSpan.FromMilliseconds(200);
                    if (record.Position == caughtUpAt)
                    {
                        status.MarkCaughtUp();
                    }
                    CheckpointIfDue(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (EventLogUnavailableException ex)
            {
                status.Failed(ex.Message);
                LogUnavailable(ex.Message, _position);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private void Apply(LogRecord record)
    {
        ApplyOutcome outcome;
        Call? call;
        // A child of the record's append (this instance's or another's): the callback's trace goes on here, and the
        // store's change feed links each push and render to it. A record appended without tracing starts no span.
        using var activity = record.Context == default ? null : Telemetry.Source.StartActivity("board.apply", ActivityKind.Internal, record.Context);
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.CallId, record.Event.CallId.Value)
                .SetTag(TelemetryTags.EventType, record.Event.GetType().Name)
                .SetTag(TelemetryTags.Position, record.Position);
            // A damaged record (no request) is the store's to refuse below, where a failure is logged and skipped.
            if (record.Event is ActionRequested { Action.Request.OperationContext: { } operationContext })
            {
                // Every instance learns the action's trace here, so whichever applies the settling callback links to it.
                actionTraces.Remember(operationContext, record.Context);
            }
        }
        var start = metrics is { ApplyEnabled: true } ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        try
        {
            (outcome, call) = store.ApplyAndRead(record.Event);
        }
        catch (Exception ex)
        {
            // One record that cannot be applied must not stop the board: it is logged and skipped, everywhere alike.
            LogApplyFailed(ex, record.Position, record.Event.GetType().Name);
            (outcome, call) = (ApplyOutcome.Ignored("the record could not be applied: " + ex.Message), null);
        }
        activity?.SetTag(TelemetryTags.Outcome, outcome.Status.ToString());
        if (start != 0)
        {
            metrics!.Applied(start);
        }
        _position = record.Position;
        status.AppliedPosition = record.Position;
        _sinceCheckpoint++;
        applied.Complete(record.Event.EventId, outcome, call);
        reactions.Applied(record, outcome);
    }

    /// <inheritdoc/>
    public int PruneEnded(DateTimeOffset olderThan) => store.PruneEnded(olderThan);

    private void CheckpointIfDue(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!leadership.IsLeader || _position is null || !_checkpointing.IsCompleted
            || (_sinceCheckpoint < options.Value.CheckpointEvery && now - _lastCheckpoint < options.Value.CheckpointInterval))
        {
            return;
        }
        // Taken between two records: the state holds exactly the log up to _position. The snapshot is immutable, so
        // it can be serialized while the loop applies the next records.
        var exported = store.Export();
        var (position, events) = (_position, _sinceCheckpoint);
        _sinceCheckpoint = 0;
        _lastCheckpoint = now;
        _checkpointing = Task.Run(() => SaveCheckpointAsync(exported, position, events, now, cancellationToken), CancellationToken.None);
    }

    private async Task SaveCheckpointAsync(StoreCheckpoint exported, string position, int events, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            var state = CheckpointJson.SerializeToUtf8Bytes(exported);
            await checkpoints.SaveAsync(new Checkpoint(position, state, at), cancellationToken).ConfigureAwait(false);
            LogCheckpoint(position, state.Length, events);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the last one.
        }
        catch (EventLogUnavailableException ex)
        {
            // Nothing is lost: the log has every record; the next due checkpoint tries again (a restart meanwhile
            // replays a little more). Whether the log is reachable is the read loop's to say.
            LogCheckpointFailed(ex.Message, position);
        }
        catch (Exception ex)
        {
            // Not the loop's exception any more (it runs beside it): said here, or nobody would hear of it.
            LogCheckpointError(ex, position);
        }
    }

    /// <summary>On an orderly stop, a last checkpoint (when leading), so the next start has little to replay.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CheckpointNowAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EventLogUnavailableException or OperationCanceledException)
        {
            // The log is down or the host is out of time: the next start replays from the previous checkpoint.
            LogNoFinalCheckpoint(ex.Message);
        }
    }

    /// <summary>Writes a checkpoint at once (shutdown, tests), when this instance leads and has applied anything.</summary>
    public async Task CheckpointNowAsync(CancellationToken cancellationToken)
    {
        await _checkpointing.ConfigureAwait(false);
        _sinceCheckpoint = options.Value.CheckpointEvery;
        CheckpointIfDue(cancellationToken);
        await _checkpointing.ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event log is unavailable ({Reason}); the board keeps what it has after {Position}")]
    private partial void LogUnavailable(string reason, string? position);

    [LoggerMessage(Level = LogLevel.Error, Message = "Log record {Position} ({Type}) could not be applied; skipped")]
    private partial void LogApplyFailed(Exception exception, string position, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No checkpoint at shutdown: {Reason}")]
    private partial void LogNoFinalCheckpoint(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No checkpoint at {Position}: {Reason}; the next one is tried when due")]
    private partial void LogCheckpointFailed(string reason, string position);

    [LoggerMessage(Level = LogLevel.Error, Message = "The checkpoint at {Position} could not be written; the next one is tried when due")]
    private partial void LogCheckpointError(Exception exception, string position);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpoint at {Position}: {Bytes} bytes after {Events} events")]
    private partial void LogCheckpoint(string position, int bytes, int events);
}
