namespace CallSupervisor.Emulator.Wire;

// Response bodies of the 2024-09-15 contract.

internal sealed record CallConnectionPropertiesModel(
    string CallConnectionId, string ServerCallId, IReadOnlyList<IdentifierModel> Targets, string CallConnectionState,
    string? CallbackUri, IdentifierModel Source, PhoneNumberModel? SourceCallerIdNumber, string CorrelationId,
    PhoneNumberModel? AnsweredFor);

internal sealed record GetParticipantsResponse(IReadOnlyList<CallParticipantModel> Value, string? NextLink);

internal sealed record AddParticipantResponse(CallParticipantModel Participant, string? OperationContext, string InvitationId);

internal sealed record RemoveParticipantResponse(string? OperationContext);

internal sealed record TransferCallResponse(string? OperationContext);

internal sealed record MuteParticipantsResult(string? OperationContext);

internal sealed record CancelAddParticipantResponse(string InvitationId, string? OperationContext);

internal sealed record RecordingStateResponse(string RecordingId, string RecordingState, string RecordingKind);

/// <summary>CommunicationErrorResponse.</summary>
internal sealed record CommunicationErrorResponse(CommunicationError Error);

internal sealed record CommunicationError(string Code, string Message);
