using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Store;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Calls;

/// <summary>
/// Periodic housekeeping of the board, so that it converges on ACS's truth when callbacks are lost:
/// <list type="bullet">
/// <item>removes calls that ended longer ago than the retention;</item>
/// <item>releases supervisor requests ACS never confirmed (no button stays "Muting…");</item>
/// <item>times out invitations past their timeout plus a grace period with no outcome, and closes media that ran
/// past the media timeout with no end event;</item>
/// <item>re-reads every live ACS call (GET call + GET participants) at least once per
/// <see cref="CallsOptions.ReconcileInterval"/> — new calls and calls an action found missing first — and closes
/// calls ACS no longer knows.</item>
/// </list>
/// Everything it learns goes through the event log, in order with the callbacks.
/// </summary>
internal sealed partial class CallMaintenance(
    CallStore store,
    ICallAutomationPort acs,
    CallSupervisor.Core.Workflow.ICallEventSink queue,
    ReconcileSchedule schedule,
    Journal.ILeadership leadership,
    IOptions<CallsOptions> options,
    TimeProvider time,
    ILogger<CallMaintenance> logger) : BackgroundService
{
    /// <summary>Calls re-read at the same time (each check is two ACS requests).</summary>
    internal const int ReconcileConcurrency = 4;

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
        store.PruneEnded(now - options.Value.EndedRetention);
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
        foreach (var call in store.Current.Calls.Values.Where(c => c.IsLive))
        {
            foreach (var pending in call.PendingActions.Values.Where(p => p.Request.RequestedAt + settings.ConfirmationTimeout < now))
            {
                queue.Publish(new ActionExpired($"expire:{pending.OperationContext}", call.CallId, now, pending.OperationContext));
            }
            foreach (var invitation in call.Invitations.Values.Where(i => i.IsOpen && i.ExpiresAt + settings.InvitationGrace < now))
            {
                queue.Publish(new InvitationExpired($"expire:{call.CallId}:{invitation.InvitationId}", call.CallId, now, invitation.InvitationId));
            }
            foreach (var media in call.MediaOperations.Values.Where(m => m.IsActive && m.StartedAt is { } started && started + settings.MediaTimeout < now))
            {
                queue.Publish(new MediaExpired($"expire:{call.CallId}:{media.Id}", call.CallId, now, media.Id));
            }
        }
    }

    internal async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var due = schedule.Due(store.Current, options.Value.ReconcileInterval, time.GetUtcNow());
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = ReconcileConcurrency, CancellationToken = cancellationToken },
            async (callId, ct) => await ReconcileAsync(callId, ct));
    }

    private async Task ReconcileAsync(CallId callId, CancellationToken cancellationToken)
    {
        // Observed before the read: a ParticipantsUpdated applied after this point is newer than what GET returns.
        var observed = store.Current.Find(callId)?.LastRosterSequence;
        var call = await acs.GetCallAsync(callId, cancellationToken);
        var participants = call.IsSuccess ? await acs.ListParticipantsAsync(callId, cancellationToken) : null;
        schedule.Checked(callId, time.GetUtcNow());
        var error = call.Error ?? participants?.Error;
        if (CallNotFound.Is(error))
        {
            queue.Publish(new CallDisconnected($"reconcile-gone:{callId}", callId, time.GetUtcNow(),
                new ResultInfo(404, 8522, "ACS no longer knows this call")));
            LogGone(callId);
            return;
        }
        if (call.Value is not { } details || participants?.Value is not { } roster)
        {
            LogReconcileFailed(callId, error?.ToString());
            return;
        }
        queue.Publish(new CallReconciled($"reconcile:{callId}:{Guid.NewGuid():N}", callId, time.GetUtcNow(), details, [.. roster], observed));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call maintenance failed; retrying on the next tick")]
    private partial void LogMaintenanceFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "ACS no longer knows call {CallId}: closing it")]
    private partial void LogGone(CallId callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-reading call {CallId} from ACS failed: {Error}; retrying at its next check")]
    private partial void LogReconcileFailed(CallId callId, string? error);
}
