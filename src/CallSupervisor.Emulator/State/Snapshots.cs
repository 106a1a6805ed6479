using CallSupervisor.Emulator.Delivery;
using CallSupervisor.Emulator.Faults;
using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.State;

/// <summary>The far side's view for tests: <c>GET /emulator/calls</c>.</summary>
internal sealed record EmulatorSnapshot(
    bool Attached, string? AppBaseAddress, bool SubscriptionValidated, DeliveryCounters Deliveries, FaultSettings Faults,
    IReadOnlyList<CallSnapshot> Calls);

/// <summary>
/// One call. <see cref="CallId"/> is the callConnectionId of ACS calls and the Graph call id of Graph calls;
/// <see cref="State"/> is incoming|connecting|connected|disconnected (ACS) or establishing|established|terminated (Graph).
/// <see cref="AnswerRequests"/> counts the answer requests that named the call (a second one is refused): several app
/// instances must answer each call once.
/// </summary>
internal sealed record CallSnapshot(
    string ScenarioId, string Platform, string CallId, string ServerCallId, string CorrelationId, string State,
    string? CallbackUri, IdentifierModel Caller, IReadOnlyList<CallParticipantModel> Participants,
    IReadOnlyList<InvitationSnapshot> Invitations, IReadOnlyList<MediaSnapshot> Media, int SequenceNumber, int AnswerRequests = 0,
    IReadOnlyList<TransferSnapshot>? Transfers = null, RecordingSnapshot? Recording = null);

/// <summary>
/// The call's recording (ACS only; absent when none runs): state active|inactive as last reported by
/// RecordingStateChanged; <see cref="Paused"/> what the app last asked for.
/// </summary>
internal sealed record RecordingSnapshot(
    string RecordingId, string State, bool Paused, DateTimeOffset StartDateTime, string CallbackUri, string ContentType, string ChannelType,
    string FormatType);

/// <summary>A transfer (ACS only): status ringing|accepted|declined|timedOut|busy|canceled (canceled: the transferee left while the target rang).</summary>
internal sealed record TransferSnapshot(
    string TransferId, IdentifierModel Target, IdentifierModel Transferee, string? OperationContext, string Status, string Behavior);

internal sealed record InvitationSnapshot(
    string InvitationId, IdentifierModel Target, string? OperationContext, string Status, string Behavior, double TimeoutSeconds);

/// <summary>
/// A media operation; <see cref="OperationContext"/> is the clientContext for Graph operations. <see cref="DurationSeconds"/>
/// is null for one that runs until canceled (a looped play).
/// </summary>
internal sealed record MediaSnapshot(string OperationId, string Kind, string? OperationContext, string Status, double? DurationSeconds);

/// <summary>Answer of <c>POST /emulator/calls</c>.</summary>
internal sealed record ScenarioStarted(string ScenarioId, string Platform, string CallId, string ServerCallId, string CorrelationId, string IncomingCallContext);
