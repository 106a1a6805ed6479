using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>
/// Records the requests the commands send and answers with <see cref="Result"/>. When <see cref="Gate"/> is set,
/// every request waits for it, which holds a command in flight so a test can look at the pending state.
/// </summary>
internal sealed class FakeCallAutomationPort : ICallAutomationPort
{
    public List<string> Requests { get; } = [];

    /// <summary>The Repeatability headers each participants:add was asked to carry (null: new ones).</summary>
    public List<Repeatability?> AddRepeatability { get; } = [];

    public TelephonyResult<Unit> Result { get; set; } = TelephonyResult<Unit>.Ok(Unit.Value);

    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completes when a request has been recorded (and is waiting at the gate, if any).</summary>
    public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Exception? Throw { get; set; }

    /// <summary>What AnswerAsync returns (used by the workflow tests).</summary>
    public TelephonyResult<CallId> AnswerResult { get; set; } = TelephonyResult<CallId>.Ok(new CallId("call-1"));

    /// <summary>What AddParticipantAsync returns (used by the workflow tests).</summary>
    public TelephonyResult<InvitationId> AddResult { get; set; } = TelephonyResult<InvitationId>.Ok(new InvitationId("inv-1"));

    public Task<TelephonyResult<Unit>> MuteAsync(CallId callId, CommunicationIdentifier participant, string operationContext, CancellationToken cancellationToken) =>
        RespondAsync($"mute {callId} {participant.RawId} {operationContext}", cancellationToken);

    public Task<TelephonyResult<Unit>> CancelAddParticipantAsync(CallId callId, InvitationId invitationId, string operationContext, CancellationToken cancellationToken) =>
        RespondAsync($"cancelAddParticipant {callId} {invitationId} {operationContext}", cancellationToken);

    public Task<TelephonyResult<Unit>> CancelAllMediaOperationsAsync(CallId callId, CancellationToken cancellationToken) =>
        RespondAsync($"cancelAllMediaOperations {callId}", cancellationToken);

    public async Task<TelephonyResult<CallId>> AnswerAsync(string incomingCallContext, Uri callbackUri, string operationContext, CancellationToken cancellationToken)
    {
        await RespondAsync($"answer {incomingCallContext} {callbackUri} {operationContext}", cancellationToken);
        return AnswerResult;
    }

    public async Task<TelephonyResult<InvitationId>> AddParticipantAsync(CallId callId, CommunicationIdentifier target, string operationContext, TimeSpan invitationTimeout, Repeatability? repeatability, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            AddRepeatability.Add(repeatability);
        }
        await RespondAsync($"add {callId} {target.RawId} {operationContext} {invitationTimeout.TotalSeconds}", cancellationToken);
        return AddResult;
    }

    public Task<TelephonyResult<Unit>> PlayAsync(CallId callId, Uri audioFile, string operationContext, bool loop, CancellationToken cancellationToken) =>
        RespondAsync($"play {callId} {audioFile} {operationContext}{(loop ? " loop" : "")}", cancellationToken);

    public Task<TelephonyResult<Unit>> RecognizeDtmfAsync(CallId callId, CommunicationIdentifier targetParticipant, Uri prompt, string operationContext, CancellationToken cancellationToken) =>
        RespondAsync($"recognize {callId} {targetParticipant.RawId} {prompt} {operationContext}", cancellationToken);

    /// <summary>What GetCallAsync returns per call (the reconciler tests); unknown calls get 404 / 8522.</summary>
    public Dictionary<CallId, TelephonyResult<CallDetails>> Calls { get; } = [];

    /// <summary>What ListParticipantsAsync returns per call.</summary>
    public Dictionary<CallId, IReadOnlyList<ParticipantState>> Rosters { get; } = [];

    public async Task<TelephonyResult<CallDetails>> GetCallAsync(CallId callId, CancellationToken cancellationToken)
    {
        await RespondAsync($"getCall {callId}", cancellationToken);
        lock (Requests)
        {
            return Calls.TryGetValue(callId, out var call) ? call : TelephonyResult<CallDetails>.Fail(new TelephonyError(404, "8522", "Call not found."));
        }
    }

    public async Task<TelephonyResult<IReadOnlyList<ParticipantState>>> ListParticipantsAsync(CallId callId, CancellationToken cancellationToken)
    {
        await RespondAsync($"listParticipants {callId}", cancellationToken);
        lock (Requests)
        {
            return Rosters.TryGetValue(callId, out var roster)
                ? TelephonyResult<IReadOnlyList<ParticipantState>>.Ok(roster)
                : TelephonyResult<IReadOnlyList<ParticipantState>>.Fail(new TelephonyError(404, "8522", "Call not found."));
        }
    }

    public Task<TelephonyResult<Unit>> HangUpAsync(CallId callId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not used by the commands");

    /// <summary>The Repeatability headers each remove/transfer/terminate was asked to carry.</summary>
    public List<Repeatability?> OtherRepeatability { get; } = [];

    public Task<TelephonyResult<Unit>> RemoveParticipantAsync(CallId callId, CommunicationIdentifier participant, string operationContext, Repeatability? repeatability, CancellationToken cancellationToken) =>
        Repeatable($"remove {callId} {participant.RawId} {operationContext}", repeatability, cancellationToken);

    public Task<TelephonyResult<Unit>> HoldAsync(CallId callId, CommunicationIdentifier participant, Uri? music, string operationContext, CancellationToken cancellationToken) =>
        RespondAsync($"hold {callId} {participant.RawId} {music?.ToString() ?? "silence"} {operationContext}", cancellationToken);

    public Task<TelephonyResult<Unit>> UnholdAsync(CallId callId, CommunicationIdentifier participant, string operationContext, CancellationToken cancellationToken) =>
        RespondAsync($"unhold {callId} {participant.RawId} {operationContext}", cancellationToken);

    public Task<TelephonyResult<Unit>> TransferToParticipantAsync(CallId callId, CommunicationIdentifier target, CommunicationIdentifier transferee, string operationContext, Repeatability? repeatability, CancellationToken cancellationToken) =>
        Repeatable($"transfer {callId} {transferee.RawId} -> {target.RawId} {operationContext}", repeatability, cancellationToken);

    public Task<TelephonyResult<Unit>> TerminateAsync(CallId callId, Repeatability? repeatability, CancellationToken cancellationToken) =>
        Repeatable($"terminate {callId}", repeatability, cancellationToken);

    /// <summary>What StartRecordingAsync answers (the recording's id).</summary>
    public TelephonyResult<string> RecordingResult { get; set; } = TelephonyResult<string>.Ok("recording-1");

    public async Task<TelephonyResult<string>> StartRecordingAsync(string serverCallId, Repeatability? repeatability, CancellationToken cancellationToken)
    {
        var sent = await Repeatable($"startRecording {serverCallId}", repeatability, cancellationToken);
        return sent.Error is { } error ? TelephonyResult<string>.Fail(error) : RecordingResult;
    }

    public Task<TelephonyResult<Unit>> PauseRecordingAsync(string recordingId, CancellationToken cancellationToken) =>
        RespondAsync($"pauseRecording {recordingId}", cancellationToken);

    public Task<TelephonyResult<Unit>> ResumeRecordingAsync(string recordingId, CancellationToken cancellationToken) =>
        RespondAsync($"resumeRecording {recordingId}", cancellationToken);

    public Task<TelephonyResult<Unit>> StopRecordingAsync(string recordingId, CancellationToken cancellationToken) =>
        RespondAsync($"stopRecording {recordingId}", cancellationToken);

    private Task<TelephonyResult<Unit>> Repeatable(string request, Repeatability? repeatability, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            OtherRepeatability.Add(repeatability);
        }
        return RespondAsync(request, cancellationToken);
    }

    private async Task<TelephonyResult<Unit>> RespondAsync(string request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }
        Sent.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
        return Throw is { } exception ? throw exception : Result;
    }
}
