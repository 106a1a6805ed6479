using System.Text.Json.Serialization;

namespace CallSupervisor.Emulator.Wire;

/// <summary>A CloudEvents 1.0 envelope as ACS posts it (structured mode, in a JSON array).</summary>
internal sealed record CloudEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("data")] AcsEventData Data,
    [property: JsonPropertyName("time")] DateTime Time,
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("subject")] string Subject);

/// <summary>
/// The data of every Call Automation event. Members that an event type does not have stay null and are not written,
/// so each event carries exactly the properties its contract definition lists.
/// </summary>
internal sealed record AcsEventData(
    string CallConnectionId,
    string ServerCallId,
    string CorrelationId,
    string? OperationContext = null,
    ResultInformationModel? ResultInformation = null,
    IdentifierModel? Participant = null,
    IReadOnlyList<CallParticipantModel>? Participants = null,
    int? SequenceNumber = null,
    string? InvitationId = null,
    string? RecognitionType = null,
    DtmfResultModel? DtmfResult = null,
    IdentifierModel? TransferTarget = null,
    IdentifierModel? Transferee = null,
    string? RecordingId = null,
    string? State = null,
    DateTimeOffset? StartDateTime = null,
    string? RecordingKind = null);

internal sealed record ResultInformationModel(int Code, int SubCode, string Message);

internal sealed record DtmfResultModel(IReadOnlyList<string> Tones);

/// <summary>An Event Grid schema event (IncomingCall, SubscriptionValidationEvent).</summary>
internal sealed record EventGridEvent(
    string Id, string Topic, string Subject, object Data, string EventType, DateTime EventTime, string DataVersion, string MetadataVersion);

internal sealed record IncomingCallData(
    IdentifierModel To, IdentifierModel From, string ServerCallId, string CallerDisplayName, string IncomingCallContext,
    string CorrelationId);

internal sealed record SubscriptionValidationData(string ValidationCode, string? ValidationUrl);
