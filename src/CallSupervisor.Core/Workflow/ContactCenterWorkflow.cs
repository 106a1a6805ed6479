using System.Collections.Concurrent;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Workflow;

/// <summary>
/// The Call Automation side of the contact center. ACS sends callbacks only to the app that answered a call,
/// and reports no event when a participant is invited or a prompt is started; so the dashboard's server is
/// that app: it answers incoming calls, plays hold music, runs a DTMF menu and invites an agent, and records
/// the invitation ids and media operations from its own responses. The supervisor then watches and steers.
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
    private int _nextAgent = -1;

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

    /// <summary>Starts the flow on a connected ACS call: hold music, DTMF menu, agent invitation.</summary>
    public async Task<IReadOnlyList<WorkflowStep>> HandleConnectedAsync(CallConnected connected, CancellationToken cancellationToken)
    {
        if (!options.Enabled || connected.Platform != CallPlatform.Acs || !_answered.ContainsKey(connected.CallId)
            || !_started.TryAdd(connected.CallId, 0))
        {
            // Only calls this app answered are driven by it, and only once (a repeated CallConnected or a
            // reconnect must not play the music or invite an agent again).
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
        if (options.Agents.Count > 0)
        {
            steps.Add(await InviteAgentAsync(callId, cancellationToken).ConfigureAwait(false));
        }
        return steps;
    }

    private async Task<WorkflowStep> PlayAsync(CallId callId, CancellationToken cancellationToken)
    {
        var context = "play:" + Guid.NewGuid();
        var result = await acs.PlayAsync(callId, options.HoldMusic, context, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            sink.Publish(new MediaOperationStarted("local:" + context, callId, time.GetUtcNow(), new MediaOperationId(context), MediaKind.Play, "Hold music"));
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

    private async Task<WorkflowStep> InviteAgentAsync(CallId callId, CancellationToken cancellationToken)
    {
        // Round robin over the configured agents.
        var index = (int)((uint)Interlocked.Increment(ref _nextAgent) % (uint)options.Agents.Count);
        var agent = options.Agents[index];
        var context = "invite:" + Guid.NewGuid();
        var result = await acs.AddParticipantAsync(callId, agent, context, options.InvitationTimeout, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess && result.Value is { } invitationId)
        {
            sink.Publish(new InvitationRequested("local:" + context, callId, time.GetUtcNow(), invitationId, agent, context, options.InvitationTimeout)
            {
                TargetName = options.AgentNames.GetValueOrDefault(agent.RawId),
            });
        }
        return new WorkflowStep(callId, "add participant", result.Error);
    }
}
