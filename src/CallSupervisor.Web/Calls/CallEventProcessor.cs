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
            await foreach (var queued in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    Process(queued.Item, stoppingToken);
                }
                catch (Exception ex)
                {
                    // One bad item must never stop the inbox.
                    LogProcessingFailed(ex, queued.Item.ToString());
                }
                finally
                {
                    queue.Done(queued);
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
            case CallWorkItem.Incoming incoming when workflow.Enabled:
                Work.Run(async () =>
                {
                    var step = await workflow.HandleIncomingAsync(incoming.Value, callbackAddress.AcsCallbackUri, stoppingToken);
                    LogStep(step);
                    if (step is { Succeeded: true, CallId: { } answered })
                    {
                        queue.PublishAnswered(answered, incoming.Value);
                    }
                });
                break;
            case CallWorkItem.Incoming ignored:
                LogNotAnswering(ignored.Value.From.RawId);
                break;
            case CallWorkItem.Answered answered:
                var known = store.Current.Find(answered.CallId);
                if (known is { State: CallState.Disconnected })
                {
                    // The answer response came back after the call had already ended: nothing to drive.
                    break;
                }
                workflow.RememberAnswered(answered.CallId, answered.Call);
                if (known is null)
                {
                    // On the board at once, so it is shown and re-checked even if CallConnected is lost.
                    var call = answered.Call;
                    Apply(new CallAnswered("local:answered:" + answered.CallId, answered.CallId, call.OccurredAt, call.ServerCallId, call.CorrelationId, call.From, call.To, call.CallerDisplayName));
                }
                // CallConnected may already have been applied without the parties: fill them in, then start.
                else if (known is { State: CallState.Connected })
                {
                    var enriched = workflow.Enrich(new CallConnected(
                        "local:answered:" + answered.CallId, answered.CallId, known.StartedAt, known.Platform, known.ServerCallId, known.CorrelationId, known.Caller, known.Callee));
                    Apply(enriched);
                    StartFlow(enriched, stoppingToken);
                }
                break;
            case CallWorkItem.Event { Value: CallConnected connected }:
                var withParties = workflow.Enrich(connected);
                if (Apply(withParties).Status == ApplyStatus.Applied)
                {
                    StartFlow(withParties, stoppingToken);
                }
                break;
            case CallWorkItem.Event { Value: CallReconciled reconciled }:
                // A re-read can be the first news that an answered call is connected (CallConnected was lost):
                // the flow starts then.
                if (Apply(reconciled).IsApplied && store.Current.Find(reconciled.CallId) is { State: CallState.Connected } now)
                {
                    StartFlow(workflow.Enrich(new CallConnected(
                        "local:reconciled:" + now.CallId, now.CallId, now.StartedAt, now.Platform, now.ServerCallId, now.CorrelationId, now.Caller, now.Callee)), stoppingToken);
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

    private void StartFlow(CallConnected connected, CancellationToken stoppingToken)
    {
        if (!workflow.ShouldStart(connected.CallId))
        {
            return;
        }
        Work.Run(async () =>
        {
            foreach (var step in await workflow.HandleConnectedAsync(connected, stoppingToken))
            {
                LogStep(step);
            }
        });
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Incoming call from {From} not answered: Workflow:Enabled is false")]
    private partial void LogNotAnswering(string from);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {Item} failed")]
    private partial void LogProcessingFailed(Exception exception, string item);
}
