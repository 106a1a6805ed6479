using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Store;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Calls;

/// <summary>
/// Periodic housekeeping of the store: removes calls that ended longer ago than the retention, releases supervisor
/// requests ACS never confirmed (so no button stays "Muting…" after a lost callback), and reconciles
/// calls first seen through an event for an unknown call (e.g. after a restart) by asking ACS for the call and
/// its participants. A call ACS no longer knows (404) is closed.
/// </summary>
internal sealed partial class CallMaintenance(
    CallStore store,
    ICallAutomationPort acs,
    CallEventQueue queue,
    IOptions<CallsOptions> options,
    TimeProvider time,
    ILogger<CallMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var now = time.GetUtcNow();
                    store.PruneEnded(now - options.Value.EndedRetention);
                    store.ExpireUnconfirmedRequests(now - options.Value.ConfirmationTimeout, now);
                    await ReconcileAsync(stoppingToken);
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

    internal async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var pending = store.Current.Calls.Values
            .Where(c => c.NeedsReconcile && c.IsLive && c.Platform == CallPlatform.Acs)
            .Select(c => c.CallId)
            .ToList();
        foreach (var callId in pending)
        {
            var call = await acs.GetCallAsync(callId, cancellationToken);
            if (call.Error is { HttpStatus: 404 })
            {
                queue.Publish(new CallDisconnected("reconcile:" + callId, callId, time.GetUtcNow(), new ResultInfo(404, 0, "ACS no longer knows this call")));
                continue;
            }
            var participants = await acs.ListParticipantsAsync(callId, cancellationToken);
            if (call.Value is { } details && participants.Value is { } roster)
            {
                store.Reconcile(callId, details, roster);
                LogReconciled(callId, roster.Count);
            }
            else
            {
                LogReconcileFailed(callId, (call.Error ?? participants.Error)?.ToString());
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call maintenance failed; retrying on the next tick")]
    private partial void LogMaintenanceFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled call {CallId} with ACS ({Participants} participants)")]
    private partial void LogReconciled(CallId callId, int participants);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling call {CallId} failed: {Error}; will retry")]
    private partial void LogReconcileFailed(CallId callId, string? error);
}
