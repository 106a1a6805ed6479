using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Board.Replication;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Board.Workflow;

/// <summary>
/// What the workflow does after a log record was applied here. Every instance applies every record, but only the
/// instance that answered a call remembers it (<see cref="ContactCenterWorkflow.ShouldStart"/>), so the flow —
/// hold music, menu, agent invitation — starts once per call, on that instance.
/// </summary>
public sealed partial class WorkflowReactions(ContactCenterWorkflow workflow, ICallsFeed store, IServiceProvider services, ILogger<WorkflowReactions> logger)
{
    private BackgroundWork? _background;
    private BackgroundWork Work => _background ??= new BackgroundWork(ex => LogFailed(ex));

    // Resolved late: the pipeline's writer and the replica that calls these reactions are built around each other.
    private EventPipeline Pipeline => services.GetRequiredService<EventPipeline>();

    private CancellationToken Stopping => services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    public void Applied(LogRecord record, ApplyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogApplied(record.Event.GetType().Name, record.Event.CallId, record.Event.EventId, CallSupervisor.Core.Diagnostics.PhoneMask.InText(outcome.ToString()));
        }
        switch (record.Event)
        {
            case CallConnected connected when outcome.IsApplied && workflow.ShouldStart(connected.CallId):
                if (store.Current.Find(connected.CallId) is { } call)
                {
                    StartFromConnected(call, "local:enriched:", Stopping);
                }
                break;
            case CallReconciled reconciled when outcome.IsApplied && workflow.ShouldStart(reconciled.CallId):
                // A re-read can be the first news that an answered call is connected (CallConnected was lost).
                if (store.Current.Find(reconciled.CallId) is { State: CallState.Connected } now)
                {
                    StartFromConnected(now, "local:reconciled:", Stopping);
                }
                break;
            case CallDisconnected disconnected:
                workflow.Forget(disconnected.CallId);
                break;
        }
    }

    /// <summary>
    /// The call is connected and this instance answered it: add the parties the IncomingCall told (as a second
    /// CallConnected through the log, so every board has them), then start the flow.
    /// </summary>
    public void StartFromConnected(Call call, string idPrefix, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!workflow.ShouldStart(call.CallId))
        {
            return;
        }
        var bare = new CallConnected(idPrefix + call.CallId, call.CallId, call.StartedAt, call.Platform, call.ServerCallId, call.CorrelationId, call.Caller, call.Callee);
        var enriched = workflow.Enrich(bare);
        if (enriched != bare)
        {
            Pipeline.Publish(enriched);
        }
        Work.Run(async () =>
        {
            foreach (var step in await workflow.HandleConnectedAsync(enriched, stoppingToken))
            {
                LogStep(step);
            }
        });
    }

    public void LogStep(WorkflowStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Succeeded)
        {
            LogStepSucceeded(step.Operation, step.CallId);
        }
        else
        {
            LogStepFailed(step.Operation, step.CallId, CallSupervisor.Core.Diagnostics.PhoneMask.InText(step.Error!.ToString()));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{EventType} for call {CallId} (event {EventId}): {Outcome}")]
    private partial void LogApplied(string eventType, CallId callId, string eventId, string outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Workflow {Operation} on call {CallId} succeeded")]
    private partial void LogStepSucceeded(string operation, CallId? callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow {Operation} on call {CallId} failed: {Error}")]
    private partial void LogStepFailed(string operation, CallId? callId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A workflow step failed")]
    private partial void LogFailed(Exception exception);
}
