using CallSupervisor.Telephony.Acs.Wire;

namespace CallSupervisor.Telephony.Callbacks.Wire;

/// <summary>
/// The <c>data</c> of the ACS callback events the dashboard maps (CallConnected, CallDisconnected,
/// ParticipantsUpdated, AddParticipant*, CancelAddParticipant*, RemoveParticipant*, HoldFailed, CallTransfer*,
/// Play*, Recognize*, ContinuousDtmfRecognitionStopped, RecordingStateChanged). They share the contract's common fields; the union of their specific
/// fields is read here and each mapping checks the ones its type requires.
/// </summary>
internal sealed record AcsEventData
{
    public string? CallConnectionId { get; init; }

    public string? ServerCallId { get; init; }

    public string? CorrelationId { get; init; }

    public string? OperationContext { get; init; }

    public ResultInformationModel? ResultInformation { get; init; }

    /// <summary>AddParticipantSucceeded/Failed, RemoveParticipantSucceeded/Failed.</summary>
    public CommunicationIdentifierModel? Participant { get; init; }

    /// <summary>CallTransferAccepted: who the call went to.</summary>
    public CommunicationIdentifierModel? TransferTarget { get; init; }

    /// <summary>CallTransferAccepted: who was transferred away.</summary>
    public CommunicationIdentifierModel? Transferee { get; init; }

    /// <summary>CancelAddParticipantSucceeded/Failed.</summary>
    public string? InvitationId { get; init; }

    /// <summary>ParticipantsUpdated.</summary>
    public int? SequenceNumber { get; init; }

    /// <summary>ParticipantsUpdated.</summary>
    public IReadOnlyList<CallParticipantModel>? Participants { get; init; }

    /// <summary>RecordingStateChanged: the recording's id (the one the start request returned).</summary>
    public string? RecordingId { get; init; }

    /// <summary>RecordingStateChanged: <c>active</c> or <c>inactive</c>.</summary>
    public string? State { get; init; }

    /// <summary>RecognizeCompleted (DTMF): the tones the participant pressed.</summary>
    public DtmfResultModel? DtmfResult { get; init; }
}

/// <summary>DtmfResult: tones by name (<c>one</c>, <c>pound</c>, …).</summary>
internal sealed record DtmfResultModel
{
    public IReadOnlyList<string>? Tones { get; init; }
}

/// <summary>Data of <c>Microsoft.Communication.IncomingCall</c> (Event Grid).</summary>
internal sealed record IncomingCallData
{
    public CommunicationIdentifierModel? To { get; init; }

    public CommunicationIdentifierModel? From { get; init; }

    public string? ServerCallId { get; init; }

    public string? CallerDisplayName { get; init; }

    public string? IncomingCallContext { get; init; }

    public string? CorrelationId { get; init; }
}

/// <summary>Data of <c>Microsoft.EventGrid.SubscriptionValidationEvent</c>.</summary>
internal sealed record SubscriptionValidationData(string? ValidationCode, string? ValidationUrl);
