using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Store;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Board.Maintenance;

/// <summary>
/// Periodic housekeeping of the board, so that it converges on ACS's truth when callbacks are lost:
/// <list type="bullet">
/// <item>removes calls that ended longer ago than the retention;</item>
/// <item>releases supervisor requests ACS never confirmed (no button stays "Muting…");</item>
/// <item>times out invitations past their timeout plus a grace period with no outcome, and closes media that ran
/// past the media timeout with no end event;</item>
/// <item>re-reads every live call from its service — ACS or Graph, GET call + GET participants — once per
/// <see cref="CallsOptions.ReconcileInterval"/> (new calls and calls an action found missing first), closes calls the
/// service no longer knows, and backs off as a whole when the service throttles (<see cref="ReconcileThrottle"/>).</item>
/// </list>
/// Everything it learns goes through the event log, in order with the callbacks.
/// </summary>
internal sealed partial class CallMaintenance(
    ICallsFeed board,
    CallSupervisor.Board.Replication.IEndedCallPruning pruning,
    ICallAutomationPort acs,
    IGraphCallsPort graph,
    CallSupervisor.Core.Workflow.ICallEventSink queue,
    ReconcileSchedule schedule,
    CallSupervisor.Board.Replication.ILeadership leadership,
    IOptions<CallsOptions> options,
    TimeProvider time,
    ILogger<CallMaintenance> logger,
    CallSupervisor.Core.Diagnostics.CallSupervisorMetrics? metrics = null) : BackgroundService
{
    /// <summary>Calls re-read at the same time (each check is two ACS requests).</summary>
    internal const int ReconcileConcurrency = 4;

    private readonly ReconcileThrottle _acsThrottle = new();
    private readonly ReconcileThrottle _graphThrottle = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Housekeeping failures are retried on the next tick, never fatal to the host.
                    LogMaintenanceFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Each instance prunes its own board (the same rule on the same state); what must happen once — expiries
        // and re-reads from ACS — is done by the leading instance and shared through the log.
        pruning.PruneEnded(now - options.Value.EndedRetention);
        if (!leadership.IsLeader)
        {
            return;
        }
        ExpireStale(now);
        await ReconcileAsync(cancellationToken);
    }

    /// <summary>
    /// Supervisor actions, invitations and media ACS left without an outcome. Applying an expiry twice is harmless
    /// (the second finds nothing open), so a tick that runs before the first was applied does no damage.
    /// </summary>
    private void ExpireStale(DateTimeOffset now)
    {
        var settings = options.Value;
        foreach (var call in board.Current.Calls.Values.Where(c => c.IsLive))
        {
            // An action waiting for its ringing invitation is not expired (the store would ignore it): asking every
            // tick would only fill the event log.
            foreach (var pending in call.PendingActions.Values.Where(p => p.Request.RequestedAt + settings.ConfirmationTimeout < now
                && (SupervisorActions.For(p.Kind).MayExpire(call, p) || p.Request.RequestedAt + SupervisorAction.LongestRing < now)))
            {
                queue.Publish(new ActionExpired($"expire:{pending.OperationContext}", call.CallId, now, pending.OperationContext));
            }
            foreach (var invitation in call.Invitations.Values.Where(i => i.IsOpen && i.ExpiresAt + settings.InvitationGrace < now))
            {
                queue.Publish(new InvitationExpired($"expire:{call.CallId}:{invitation.InvitationId}", call.CallId, now, invitation.InvitationId));
            }
            foreach (var media in call.MediaOperations.Values.Where(m => m.IsActive && !m.Looped && m.StartedAt is { } started && started + settings.MediaTimeout < now))
            {
                queue.Publish(new MediaExpired($"expire:{call.CallId}:{media.Id}", call.CallId, now, media.Id));
            }
        }
    }

    /// <summary>The back-off gate of each service's re-reads (see <see cref="ReconcileThrottle"/>).</summary>
    internal ReconcileThrottle Throttle(CallPlatform platform) => platform == CallPlatform.Graph ? _graphThrottle : _acsThrottle;

    internal async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var passStartedAt = time.GetUtcNow();
        // A tenth of a tick absorbs timer jitter, so a call read at one pass is read again exactly one interval later.
        var due = schedule.Due(board.Current, settings.ReconcileInterval, passStartedAt, settings.MaintenanceInterval / 10);
        var byPlatform = due
            .Select(id => (Id: id, Platform: board.Current.Find(id)?.Platform ?? CallPlatform.Acs))
            .GroupBy(c => c.Platform, c => c.Id);
        await Task.WhenAll(byPlatform.Select(g => ReconcileAsync(g.Key, [.. g], passStartedAt, cancellationToken)));
    }

    private async Task ReconcileAsync(CallPlatform platform, List<CallId> due, DateTimeOffset passStartedAt, CancellationToken cancellationToken)
    {
        var throttle = Throttle(platform);
        if (!throttle.IsOpen(time.GetUtcNow()))
        {
            return;
        }
        if (throttle.IsProbing)
        {
            // Throttled last time: one read first, and the others only if the service has recovered.
            await ReconcileAsync(platform, due[0], passStartedAt, cancellationToken);
            due = due[1..];
            if (throttle.IsProbing)
            {
                return;
            }
        }
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = ReconcileConcurrency, CancellationToken = cancellationToken },
            async (callId, ct) => await ReconcileAsync(platform, callId, passStartedAt, ct));
    }

    private async Task ReconcileAsync(CallPlatform platform, CallId callId, DateTimeOffset passStartedAt, CancellationToken cancellationToken)
    {
        var throttle = Throttle(platform);
        var service = platform == CallPlatform.Graph ? "Graph" : "ACS";
        // Observed before the read: a ParticipantsUpdated applied after this point is newer than what GET returns.
        var observed = board.Current.Find(callId)?.LastRosterSequence;
        if (!throttle.IsOpen(time.GetUtcNow()))
        {
            return;
        }
        var measured = platform == CallPlatform.Graph ? CallSupervisor.Core.Diagnostics.TelephonyService.Graph : CallSupervisor.Core.Diagnostics.TelephonyService.Acs;
        metrics?.ReconcileRequested(measured);
        var call = platform == CallPlatform.Graph ? await graph.GetCallAsync(callId, cancellationToken) : await acs.GetCallAsync(callId, cancellationToken);
        if (Throttled(throttle, call.Error, service))
        {
            return;
        }
        TelephonyResult<IReadOnlyList<ParticipantState>>? participants = null;
        if (call.IsSuccess)
        {
            if (!throttle.IsOpen(time.GetUtcNow()))
            {
                return;
            }
            metrics?.ReconcileRequested(measured);
            participants = platform == CallPlatform.Graph ? await graph.ListParticipantsAsync(callId, cancellationToken) : await acs.ListParticipantsAsync(callId, cancellationToken);
            if (Throttled(throttle, participants.Error, service))
            {
                return;
            }
        }
        schedule.Checked(callId, passStartedAt);
        var error = call.Error ?? participants?.Error;
        if (CallNotFound.Is(error))
        {
            queue.Publish(new CallDisconnected($"reconcile-gone:{callId}", callId, time.GetUtcNow(),
                new ResultInfo(404, platform == CallPlatform.Graph ? 0 : 8522, $"{service} no longer knows this call")));
            LogGone(service, callId);
            return;
        }
        if (call.Value is not { } details || participants?.Value is not { } roster)
        {
            LogReconcileFailed(callId, service, CallSupervisor.Core.Diagnostics.PhoneMask.InText(error?.ToString()));
            return;
        }
        queue.Publish(new CallReconciled($"reconcile:{callId}:{Guid.NewGuid():N}", callId, time.GetUtcNow(), details, [.. roster], observed));
    }

    /// <summary>A 429/503 closes the service's gate; the call stays due and is read when the gate opens.</summary>
    private bool Throttled(ReconcileThrottle throttle, TelephonyError? error, string service)
    {
        if (!throttle.Observe(error, time.GetUtcNow()))
        {
            return false;
        }
        metrics?.ReconcileThrottled(service == "Graph" ? CallSupervisor.Core.Diagnostics.TelephonyService.Graph : CallSupervisor.Core.Diagnostics.TelephonyService.Acs, error!.HttpStatus);
        LogThrottled(service, error!.HttpStatus, throttle.OpensAt);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call maintenance failed; retrying on the next tick")]
    private partial void LogMaintenanceFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service} no longer knows call {CallId}: closing it")]
    private partial void LogGone(string service, CallId callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-reading call {CallId} from {Service} failed: {Error}; retrying at its next check")]
    private partial void LogReconcileFailed(CallId callId, string service, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} throttles the re-reads ({Status}): no call is re-read before {OpensAt:O}")]
    private partial void LogThrottled(string service, int? status, DateTimeOffset opensAt);
}
