using System.Collections.Concurrent;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Workflow;

/// <summary>
/// The Call Automation side of the contact center. ACS sends callbacks only to the app that answered a call,
/// and reports no event when a prompt is started; so the dashboard's server is that app: it answers incoming
/// calls, plays hold music (looped) and runs a DTMF menu, recording the media operations from its own responses.
/// The menu's choice puts the caller in a queue and the router (<see cref="Routing.Router"/>) offers the call to
/// agents; the supervisor watches and steers.
/// </summary>
public sealed class ContactCenterWorkflow(
    ICallAutomationPort acs,
    ICallEventSink sink,
    WorkflowOptions options,
    TimeProvider time)
{
    // Caller/callee of answered calls: CallConnected does not carry them, the IncomingCall did.
    private readonly ConcurrentDictionary<CallId, IncomingCall> _answered = new();
    // Calls whose flow has started: the flow runs once per call, whatever arrives twice.
    private readonly ConcurrentDictionary<CallId, byte> _started = new();

    /// <summary>Whether this app answers calls and drives them (off: it only watches).</summary>
    public bool Enabled => options.Enabled;

    /// <summary>
    /// Answers an incoming call with the app's callback URI. The caller must then hand the result to
    /// <see cref="RememberAnswered"/> on the same ordered loop that applies CallConnected: the answer response
    /// and the CallConnected callback race, and either may come first.
    /// </summary>
    public async Task<WorkflowStep> HandleIncomingAsync(IncomingCall call, Uri callbackUri, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return new WorkflowStep(null, "answer skipped (workflow disabled)", null);
        }
        var result = await acs.AnswerAsync(call.IncomingCallContext, callbackUri, "answer:" + Guid.NewGuid(), cancellationToken).ConfigureAwait(false);
        return new WorkflowStep(result.Value, "answer", result.Error);
    }

    /// <summary>Records that this app answered <paramref name="callId"/> (so its flow may start once connected).</summary>
    public void RememberAnswered(CallId callId, IncomingCall call) => _answered[callId] = call;

    /// <summary>
    /// True when this app answered the connected call <paramref name="callId"/> and its flow has not started yet
    /// (the host asks once the call is connected and the answer is remembered, in whichever order they came).
    /// </summary>
    public bool ShouldStart(CallId callId) =>
        options.Enabled && _answered.ContainsKey(callId) && !_started.ContainsKey(callId);

    /// <summary>Adds what the IncomingCall told about the parties to a CallConnected that lacks them.</summary>
    public CallConnected Enrich(CallConnected connected) =>
        _answered.TryGetValue(connected.CallId, out var incoming)
            ? connected with
            {
                Caller = connected.Caller ?? incoming.From,
                Callee = connected.Callee ?? incoming.To,
                ServerCallId = connected.ServerCallId ?? incoming.ServerCallId,
                CorrelationId = connected.CorrelationId ?? incoming.CorrelationId,
                CallerName = connected.CallerName ?? incoming.CallerDisplayName,
            }
            : connected;

    /// <summary>Forgets a call that ended.</summary>
    public void Forget(CallId callId)
    {
        _answered.TryRemove(callId, out _);
        _started.TryRemove(callId, out _);
    }

    /// <summary>Starts the flow on a connected ACS call: hold music and the DTMF menu (the router queues the caller from its result).</summary>
    public async Task<IReadOnlyList<WorkflowStep>> HandleConnectedAsync(CallConnected connected, CancellationToken cancellationToken)
    {
        if (!options.Enabled || connected.Platform != CallPlatform.Acs || !_answered.ContainsKey(connected.CallId)
            || !_started.TryAdd(connected.CallId, 0))
        {
            // Only calls this app answered are driven by it, and only once (a repeated CallConnected or a
            // reconnect must not play the music or start the menu again).
            return [];
        }
        var callId = connected.CallId;
        var steps = new List<WorkflowStep>();
        if (options.PlayHoldMusic)
        {
            steps.Add(await PlayAsync(callId, cancellationToken).ConfigureAwait(false));
        }
        var caller = Enrich(connected).Caller;
        if (options.RecognizeMenu && caller is not null)
        {
            steps.Add(await RecognizeAsync(callId, caller, cancellationToken).ConfigureAwait(false));
        }
        return steps;
    }

    private async Task<WorkflowStep> PlayAsync(CallId callId, CancellationToken cancellationToken)
    {
        var context = "play:" + Guid.NewGuid();
        var result = await acs.PlayAsync(callId, options.HoldMusic, context, loop: true, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            sink.Publish(new MediaOperationStarted("local:" + context, callId, time.GetUtcNow(), new MediaOperationId(context), MediaKind.Play, "Hold music") { Looped = true });
        }
        return new WorkflowStep(callId, "play", result.Error);
    }

    private async Task<WorkflowStep> RecognizeAsync(CallId callId, CommunicationIdentifier caller, CancellationToken cancellationToken)
    {
        var context = "recognize:" + Guid.NewGuid();
        var result = await acs.RecognizeDtmfAsync(callId, caller, options.MenuPrompt, context, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            sink.Publish(new MediaOperationStarted("local:" + context, callId, time.GetUtcNow(), new MediaOperationId(context), MediaKind.Recognize, "Menu (DTMF)"));
        }
        return new WorkflowStep(callId, "recognize", result.Error);
    }
}
