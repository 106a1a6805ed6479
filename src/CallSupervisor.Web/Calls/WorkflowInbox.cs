using System.Threading.Channels;
using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Web.Journal;

namespace CallSupervisor.Web.Calls;

/// <summary>
/// The workflow's own work on this instance, in order: incoming calls that reached this instance (it answers them —
/// Event Grid delivers each to one instance, so each call is answered once) and the answers it got back. What it
/// learns goes into the event log, so every instance's board shows it; the flow after CallConnected is started by
/// <see cref="WorkflowReactions"/> on the instance that answered.
/// </summary>
public sealed partial class WorkflowInbox(
    ContactCenterWorkflow workflow,
    CallStore store,
    EventPipeline pipeline,
    WorkflowReactions reactions,
    CallbackAddress callbackAddress,
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
                    LogFailed(ex, item.ToString() ?? "item");
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
                Work.Run(async () =>
                {
                    var step = await workflow.HandleIncomingAsync(incoming, callbackAddress.AcsCallbackUri, stoppingToken);
                    reactions.LogStep(step);
                    if (step is { Succeeded: true, CallId: { } answered })
                    {
                        _items.Writer.TryWrite(new Answered(answered, incoming));
                    }
                });
                break;
            case IncomingCall ignored:
                LogNotAnswering(ignored.From.RawId);
                break;
            case Answered answered:
                Remember(answered, stoppingToken);
                break;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {Item} failed")]
    private partial void LogFailed(Exception exception, string item);
}
