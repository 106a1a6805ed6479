using System.Diagnostics;
using CallSupervisor.Contracts;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.Store;
using Microsoft.AspNetCore.SignalR;

namespace CallSupervisor.Web.Hubs;

/// <summary>
/// The hub as one more subscriber of the store: each batch from the feed (coalesced while the previous push was being
/// sent, or over <c>Dashboard:HubBatchWindow</c>) becomes one <c>changed</c> message carrying only the calls that
/// changed, and the agents when any changed. It owns no state. While no hub client is connected (an instance that
/// serves only dashboards, the usual case) a batch is not mapped at all: a client that connects gets the snapshot,
/// and it is counted before it reads the snapshot's version (<see cref="CallsHub.OnConnectedAsync"/>), so the batches
/// after that version reach it.
/// </summary>
internal sealed partial class CallsHubBroadcaster(
    ICallsFeed store, IHubContext<CallsHub> hub, Microsoft.Extensions.Options.IOptions<Hosting.DashboardOptions> options,
    CallSupervisor.Core.Workflow.WorkflowOptions workflow, Hosting.OperationsMonitor monitor, CallSupervisor.Core.Diagnostics.CallSupervisorMetrics metrics,
    TimeProvider time, ILogger<CallsHubBroadcaster> logger) : BackgroundService
{
    private long _skipped;

    /// <summary>Batches not mapped because no hub client was connected (tests).</summary>
    internal long Skipped => Interlocked.Read(ref _skipped);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Each push's span is its own (linked to the events it carries), not a child of whatever started the host.
        Activity.Current = null;
        var subscription = store.Subscribe(stoppingToken, options.Value.HubBatchWindow);
        await foreach (var batch in subscription.Changes)
        {
            if (monitor.HubClients == 0)
            {
                // Mapping every call of a batch to its DTO for nobody cost as much CPU as the callback endpoint itself
                // under load (a thread-time profile of the ingestion benchmark).
                Interlocked.Increment(ref _skipped);
                continue;
            }
            using var activity = BatchSpans.Start("hub.push", batch.Traces, ActivityKind.Producer);
            activity?.SetTag(TelemetryTags.ChangeCount, batch.Changes.Length);
            try
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                await hub.Clients.All.SendAsync(
                    CallsHubContract.ChangedMessage,
                    batch.ToChangedDto(workflow.Directory, time.GetUtcNow()),
                    stoppingToken);
                metrics.Pushed("changes", start);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed batch must not stop the host (BackgroundService failures stop it by default).
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                LogSendFailed(ex, batch.Version);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing change batch {Version} to hub clients failed")]
    private partial void LogSendFailed(Exception exception, long version);
}
