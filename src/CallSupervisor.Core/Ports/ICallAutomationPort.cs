using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Ports;

/// <summary>
/// ACS Call Automation as the Core needs it. Implemented over REST (api-version 2024-09-15) by the telephony
/// adapter; repeatable requests carry Repeatability-Request-ID/First-Sent. Failures are returned, not thrown.
/// </summary>
public interface ICallAutomationPort
{
    /// <summary>POST participants:mute. ACS answers 200 and sends no callback; ParticipantsUpdated carries the truth.</summary>
    Task<TelephonyResult<Unit>> MuteAsync(CallId callId, CommunicationIdentifier participant, string operationContext, CancellationToken cancellationToken);

    /// <summary>POST participants:cancelAddParticipant. The outcome arrives as CancelAddParticipantSucceeded/Failed.</summary>
    Task<TelephonyResult<Unit>> CancelAddParticipantAsync(CallId callId, InvitationId invitationId, string operationContext, CancellationToken cancellationToken);

    /// <summary>POST :cancelAllMediaOperations. Running operations then end with Play/RecognizeCanceled.</summary>
    Task<TelephonyResult<Unit>> CancelAllMediaOperationsAsync(CallId callId, CancellationToken cancellationToken);

    /// <summary>POST callConnections:answer for an IncomingCall; returns the new callConnectionId.</summary>
    Task<TelephonyResult<CallId>> AnswerAsync(string incomingCallContext, Uri callbackUri, string operationContext, CancellationToken cancellationToken);

    /// <summary>
    /// POST participants:add; returns the invitationId to correlate and cancel. With <paramref name="repeatability"/>
    /// the request carries those headers (a request sent again after a restart); without, new ones.
    /// </summary>
    Task<TelephonyResult<InvitationId>> AddParticipantAsync(CallId callId, CommunicationIdentifier target, string operationContext, TimeSpan invitationTimeout, Repeatability? repeatability, CancellationToken cancellationToken);

    /// <summary>
    /// POST :play (to all participants) with a file source; the operationContext identifies the operation. With
    /// <paramref name="loop"/> it plays until cancelled (hold music).
    /// </summary>
    Task<TelephonyResult<Unit>> PlayAsync(CallId callId, Uri audioFile, string operationContext, bool loop, CancellationToken cancellationToken);

    /// <summary>POST :recognize (DTMF) against a participant, with a prompt; the operationContext identifies it.</summary>
    Task<TelephonyResult<Unit>> RecognizeDtmfAsync(CallId callId, CommunicationIdentifier targetParticipant, Uri prompt, string operationContext, CancellationToken cancellationToken);

    /// <summary>GET callConnections/{id}.</summary>
    Task<TelephonyResult<CallDetails>> GetCallAsync(CallId callId, CancellationToken cancellationToken);

    /// <summary>GET participants, following nextLink until the list is complete.</summary>
    Task<TelephonyResult<IReadOnlyList<CallSupervisor.Core.Ports.ParticipantState>>> ListParticipantsAsync(CallId callId, CancellationToken cancellationToken);

    /// <summary>DELETE callConnections/{id} (hang up for the app only).</summary>
    Task<TelephonyResult<Unit>> HangUpAsync(CallId callId, CancellationToken cancellationToken);

    /// <summary>
    /// POST participants:remove (202; RemoveParticipantSucceeded/Failed follow, then the roster). Repeatable: with
    /// <paramref name="repeatability"/> the request carries those headers.
    /// </summary>
    Task<TelephonyResult<Unit>> RemoveParticipantAsync(CallId callId, CommunicationIdentifier participant, string operationContext, Repeatability? repeatability, CancellationToken cancellationToken);

    /// <summary>
    /// POST :hold (200) for one participant, playing <paramref name="music"/> to them when given. Success shows as
    /// <c>isOnHold</c> in the next ParticipantsUpdated; a failure afterwards as HoldFailed.
    /// </summary>
    Task<TelephonyResult<Unit>> HoldAsync(CallId callId, CommunicationIdentifier participant, Uri? music, string operationContext, CancellationToken cancellationToken);

    /// <summary>POST :unhold (200); the next ParticipantsUpdated shows the participant no longer on hold.</summary>
    Task<TelephonyResult<Unit>> UnholdAsync(CallId callId, CommunicationIdentifier participant, string operationContext, CancellationToken cancellationToken);

    /// <summary>
    /// POST :transferToParticipant (202): <paramref name="transferee"/> (a participant of this call) is replaced by
    /// <paramref name="target"/>; CallTransferAccepted or CallTransferFailed follows. Repeatable.
    /// </summary>
    Task<TelephonyResult<Unit>> TransferToParticipantAsync(CallId callId, CommunicationIdentifier target, CommunicationIdentifier transferee, string operationContext, Repeatability? repeatability, CancellationToken cancellationToken);

    /// <summary>POST :terminate (204): ends the call for everyone; CallDisconnected follows. Repeatable.</summary>
    Task<TelephonyResult<Unit>> TerminateAsync(CallId callId, Repeatability? repeatability, CancellationToken cancellationToken);

    /// <summary>
    /// POST /calling/recordings (200, RecordingStateResponse) for the call with <paramref name="serverCallId"/>:
    /// mixed audio; RecordingStateChanged follows on the call's callback. Repeatable. Returns the recording's id.
    /// </summary>
    Task<TelephonyResult<string>> StartRecordingAsync(string serverCallId, Repeatability? repeatability, CancellationToken cancellationToken);

    /// <summary>POST /calling/recordings/{id}:pause (202); RecordingStateChanged (inactive) follows.</summary>
    Task<TelephonyResult<Unit>> PauseRecordingAsync(string recordingId, CancellationToken cancellationToken);

    /// <summary>POST /calling/recordings/{id}:resume (202); RecordingStateChanged (active) follows.</summary>
    Task<TelephonyResult<Unit>> ResumeRecordingAsync(string recordingId, CancellationToken cancellationToken);

    /// <summary>DELETE /calling/recordings/{id} (204); RecordingStateChanged (inactive) follows.</summary>
    Task<TelephonyResult<Unit>> StopRecordingAsync(string recordingId, CancellationToken cancellationToken);
}

/// <summary>What GET callConnections/{id} tells (CallConnectionProperties).</summary>
public sealed record CallDetails(
    CallId CallId, string? ServerCallId, string? CorrelationId, CallState State,
    CommunicationIdentifier? Source, IReadOnlyList<CommunicationIdentifier> Targets);
