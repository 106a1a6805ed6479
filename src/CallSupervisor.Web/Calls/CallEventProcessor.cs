using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Workflow;

namespace CallSupervisor.Web.Calls;

/// <summary>
/// The one reader of <see cref="CallEventQueue"/>: applies events to the store in order and lets the
/// contact-center workflow react. Workflow requests run off the loop (they are HTTP calls) so a slow ACS never
/// delays applying callbacks; their failures are logged and recorded, never fatal.
/// </summary>
internal sealed partial class CallEventProcessor(
    CallEventQueue queue,
    CallStore store,
    ContactCenterWorkflow workflow,
    CallbackAddress callbackAddress,
    ILogger<CallEventProcessor> logger) : BackgroundService
{
    private BackgroundWork? _background;

    private BackgroundWork Work => _background ??= new BackgroundWork(ex => LogProcessingFailed(ex, "workflow step"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    Process(item, stoppingToken);
                }
                catch (Exception ex)
                {
                    // One bad item must never stop the inbox.
                    LogProcessingFailed(ex, item.ToString());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        await Work.DrainAsync(TimeSpan.FromSeconds(5));
    }

    private void Process(CallWorkItem item, CancellationToken stoppingToken)
    {
        switch (item)
        {
            case CallWorkItem.Incoming incoming:
                Work.Run(async () =>
                {
                    var step = await workflow.HandleIncomingAsync(incoming.Value, callbackAddress.AcsCallbackUri, stoppingToken);
                    LogStep(step);
                });
                break;
            case CallWorkItem.Event { Value: CallConnected connected }:
                var enriched = workflow.Enrich(connected);
                if (Apply(enriched) == ApplyOutcome.Applied)
                {
                    Work.Run(async () =>
                    {
                        foreach (var step in await workflow.HandleConnectedAsync(enriched, stoppingToken))
                        {
                            LogStep(step);
                        }
                    });
                }
                break;
            case CallWorkItem.Event { Value: CallDisconnected disconnected }:
                Apply(disconnected);
                workflow.Forget(disconnected.CallId);
                break;
            case CallWorkItem.Event e:
                Apply(e.Value);
                break;
        }
    }

    private ApplyOutcome Apply(CallEvent callEvent)
    {
        var outcome = store.Apply(callEvent);
        LogApplied(callEvent.GetType().Name, callEvent.CallId, callEvent.EventId, outcome.ToString());
        return outcome;
    }

    private void LogStep(WorkflowStep step)
    {
        if (step.Succeeded)
        {
            LogStepSucceeded(step.Operation, step.CallId);
        }
        else
        {
            LogStepFailed(step.Operation, step.CallId, step.Error!.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{EventType} for call {CallId} (event {EventId}): {Outcome}")]
    private partial void LogApplied(string eventType, CallId callId, string eventId, string outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Workflow {Operation} on call {CallId} succeeded")]
    private partial void LogStepSucceeded(string operation, CallId? callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow {Operation} on call {CallId} failed: {Error}")]
    private partial void LogStepFailed(string operation, CallId? callId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {Item} failed")]
    private partial void LogProcessingFailed(Exception exception, string item);
}
