using System.Threading.Channels;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Board.Replication;

namespace CallSupervisor.Board.Workflow;

/// <summary>
/// The workflow's own work on this instance, in order: incoming calls that reached this instance (it answers them) and
/// the answers it got back. What it learns goes into the event log, so every instance's board shows it; the flow after
/// CallConnected is started by <see cref="WorkflowReactions"/> on the instance that answered.
/// </summary>
/// <remarks>
/// Event Grid delivers at least once, to any instance: the same IncomingCall can arrive twice, here or elsewhere, before
/// or after a restart. Each is answered once: before answering, the instance claims the call through the log
/// (<see cref="IncomingCallClaimed"/>, keyed by the incomingCallContext) and answers only if its claim was the first
/// the log holds. If the claim cannot be recorded or read back (the log is down or far behind), the call is answered
/// anyway: the delivery was acknowledged, and a caller left ringing is worse than a second answer in that rare case.
/// </remarks>
public sealed partial class WorkflowInbox(
    ContactCenterWorkflow workflow,
    ICallsFeed store,
    EventPipeline pipeline,
    WorkflowReactions reactions,
    CallbackAddress callbackAddress,
    TimeProvider time,
    ILogger<WorkflowInbox> logger) : BackgroundService
{
    private readonly Channel<object> _items = Channel.CreateUnbounded<object>(new() { SingleReader = true });
    private BackgroundWork? _background;
    private BackgroundWork Work => _background ??= new BackgroundWork(ex => LogFailed(ex, "workflow step"));

    /// <summary>Incoming calls of one Event Grid delivery.</summary>
    public void Accept(IReadOnlyCollection<IncomingCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        foreach (var call in calls)
        {
            _items.Writer.TryWrite(call);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _items.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    Process(item, stoppingToken);
                }
                catch (Exception ex)
                {
                    // One bad item must never stop the inbox.
                    // The item names the caller: its number is masked.
                    LogFailed(ex, CallSupervisor.Core.Diagnostics.PhoneMask.InText(item.ToString() ?? "item"));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        await Work.DrainAsync(TimeSpan.FromSeconds(5));
    }

    private void Process(object item, CancellationToken stoppingToken)
    {
        switch (item)
        {
            case IncomingCall incoming when workflow.Enabled:
                // Each delivery claims with an event id of its own, so two claims of one call made here at once each
                // learn their own outcome: the log orders them, the first applies and the other is a Duplicate.
                var claim = IncomingCallClaimed.For(incoming, time.GetUtcNow());
                Work.Run(async () =>
                {
                    if (!await ClaimAsync(incoming, claim, stoppingToken))
                    {
                        return;
                    }
                    var step = await workflow.HandleIncomingAsync(incoming, callbackAddress.AcsCallbackUri, stoppingToken);
                    reactions.LogStep(step);
                    if (step is { Succeeded: true, CallId: { } answered })
                    {
                        _items.Writer.TryWrite(new Answered(answered, incoming));
                    }
                });
                break;
            case IncomingCall ignored:
                LogNotAnswering(CallSupervisor.Core.Diagnostics.PhoneMask.Mask(ignored.From.RawId));
                break;
            case Answered answered:
                Remember(answered, stoppingToken);
                break;
        }
    }

    /// <summary>True when this instance is to answer: its claim is the first of the call in the log (or could not be made).</summary>
    private async Task<bool> ClaimAsync(IncomingCall incoming, IncomingCallClaimed claim, CancellationToken stoppingToken)
    {
        try
        {
            var (outcome, _) = await pipeline.ApplyAsync(claim, stoppingToken);
            if (outcome.Status == ApplyStatus.Duplicate)
            {
                LogAlreadyAnswered(incoming.EventId, claim.ClaimKey);
                return false;
            }
            return true;
        }
        catch (Core.EventLog.EventLogUnavailableException ex)
        {
            LogClaimFailed(incoming.EventId, ex.Message);
            return true;
        }
    }

    // The answer and CallConnected race (either may be applied first here): remembered before anything is
    // published, so whichever comes second finds the other.
    private void Remember(Answered answered, CancellationToken stoppingToken)
    {
        var known = store.Current.Find(answered.CallId);
        if (known is { State: CallState.Disconnected })
        {
            // The answer response came back after the call had already ended: nothing to drive.
            return;
        }
        workflow.RememberAnswered(answered.CallId, answered.Call);
        var call = answered.Call;
        if (known is null)
        {
            // On the board at once (every instance's), so it is shown and re-checked even if CallConnected is lost.
            pipeline.Publish(new CallAnswered("local:answered:" + answered.CallId, answered.CallId, call.OccurredAt, call.ServerCallId, call.CorrelationId, call.From, call.To, call.CallerDisplayName));
        }
        else if (known is { State: CallState.Connected })
        {
            // CallConnected was applied before the answer came back: fill in the parties, then start.
            reactions.StartFromConnected(known, "local:answered:", stoppingToken);
        }
    }

    private sealed record Answered(CallId CallId, IncomingCall Call);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incoming call from {From} not answered: Workflow:Enabled is false")]
    private partial void LogNotAnswering(string from);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incoming call {EventId} not answered again: it was answered already ({ClaimKey}; Event Grid delivered it more than once)")]
    private partial void LogAlreadyAnswered(string eventId, string claimKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incoming call {EventId} answered without a claim in the event log ({Reason}): a second delivery meanwhile could be answered again")]
    private partial void LogClaimFailed(string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {Item} failed")]
    private partial void LogFailed(Exception exception, string item);
}
