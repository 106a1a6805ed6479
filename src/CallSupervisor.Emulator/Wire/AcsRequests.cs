namespace CallSupervisor.Emulator.Wire;

// Request bodies of the 2024-09-15 contract, only the members the emulator reads.

internal sealed record AnswerCallRequest(string? IncomingCallContext, string? CallbackUri, string? OperationContext);

internal sealed record AddParticipantRequest(
    IdentifierModel? ParticipantToAdd, int? InvitationTimeoutInSeconds, string? OperationContext, string? OperationCallbackUri,
    PhoneNumberModel? SourceCallerIdNumber, string? SourceDisplayName);

internal sealed record RemoveParticipantRequest(IdentifierModel? ParticipantToRemove, string? OperationContext, string? OperationCallbackUri);

internal sealed record HoldRequest(
    IdentifierModel? TargetParticipant, PlaySourceModel? PlaySourceInfo, string? OperationContext, string? OperationCallbackUri);

internal sealed record UnholdRequest(IdentifierModel? TargetParticipant, string? OperationContext);

internal sealed record TransferToParticipantRequest(
    IdentifierModel? TargetParticipant, IdentifierModel? Transferee, string? OperationContext, string? OperationCallbackUri,
    PhoneNumberModel? SourceCallerIdNumber);

internal sealed record StartCallRecordingRequest(
    CallLocatorModel? CallLocator, string? RecordingStateCallbackUri, string? RecordingContentType, string? RecordingChannelType,
    string? RecordingFormatType, bool? PauseOnStart);

internal sealed record CallLocatorModel(string? Kind, string? ServerCallId, string? GroupCallId, string? RoomId);

internal sealed record MuteParticipantsRequest(IReadOnlyList<IdentifierModel>? TargetParticipants, string? OperationContext);

internal sealed record CancelAddParticipantRequest(string? InvitationId, string? OperationContext, string? OperationCallbackUri);

internal sealed record PlaySourceModel(string? Kind, FileSourceModel? File, TextSourceModel? Text, SsmlSourceModel? Ssml);

internal sealed record FileSourceModel(string? Uri);

internal sealed record TextSourceModel(string? Text);

internal sealed record SsmlSourceModel(string? SsmlText);

internal sealed record PlayRequest(
    IReadOnlyList<PlaySourceModel>? PlaySources, IReadOnlyList<IdentifierModel>? PlayTo, bool? InterruptCallMediaOperation,
    string? OperationContext, string? OperationCallbackUri, PlayOptionsModel? PlayOptions = null);

internal sealed record PlayOptionsModel(bool Loop);

internal sealed record RecognizeOptionsModel(IdentifierModel? TargetParticipant, int? InitialSilenceTimeoutInSeconds);

internal sealed record RecognizeRequest(
    string? RecognizeInputType, PlaySourceModel? PlayPrompt, IReadOnlyList<PlaySourceModel>? PlayPrompts,
    RecognizeOptionsModel? RecognizeOptions, string? OperationContext, string? OperationCallbackUri);
