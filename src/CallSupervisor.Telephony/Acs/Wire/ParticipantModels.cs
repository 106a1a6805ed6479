
namespace CallSupervisor.Telephony.Acs.Wire;

/// <summary>MuteParticipantsRequest (POST participants:mute); only ACS users can be muted.</summary>
internal sealed record MuteParticipantsRequest
{
    public required IReadOnlyList<CommunicationIdentifierModel> TargetParticipants { get; init; }

    public string? OperationContext { get; init; }
}

/// <summary>MuteParticipantsResult.</summary>
internal sealed record MuteParticipantsResult(string? OperationContext);

/// <summary>AddParticipantRequest (POST participants:add).</summary>
internal sealed record AddParticipantRequest
{
    /// <summary>Required by ACS when inviting a phone number: the resource's own number shown as caller id.</summary>
    public PhoneNumberIdentifierModel? SourceCallerIdNumber { get; init; }

    public required CommunicationIdentifierModel ParticipantToAdd { get; init; }

    public int? InvitationTimeoutInSeconds { get; init; }

    public string? OperationContext { get; init; }
}

/// <summary>AddParticipantResponse (202): the invitationId is the handle for cancelAddParticipant.</summary>
internal sealed record AddParticipantResponse
{
    public CallParticipantModel? Participant { get; init; }

    public string? OperationContext { get; init; }

    public string? InvitationId { get; init; }
}

/// <summary>CancelAddParticipantRequest (POST participants:cancelAddParticipant).</summary>
internal sealed record CancelAddParticipantRequest
{
    public required string InvitationId { get; init; }

    public string? OperationContext { get; init; }
}

/// <summary>CancelAddParticipantResponse (202).</summary>
internal sealed record CancelAddParticipantResponse(string? InvitationId, string? OperationContext);

/// <summary>RemoveParticipantRequest (POST participants:remove).</summary>
internal sealed record RemoveParticipantRequest
{
    public required CommunicationIdentifierModel ParticipantToRemove { get; init; }

    public string? OperationContext { get; init; }
}

/// <summary>HoldRequest (POST :hold): the participant to hold and what they hear meanwhile.</summary>
internal sealed record HoldRequest
{
    public required CommunicationIdentifierModel TargetParticipant { get; init; }

    public PlaySource? PlaySourceInfo { get; init; }

    public string? OperationContext { get; init; }
}

/// <summary>UnholdRequest (POST :unhold).</summary>
internal sealed record UnholdRequest
{
    public required CommunicationIdentifierModel TargetParticipant { get; init; }

    public string? OperationContext { get; init; }
}

/// <summary>TransferToParticipantRequest (POST :transferToParticipant): the transferee is replaced by the target.</summary>
internal sealed record TransferToParticipantRequest
{
    public required CommunicationIdentifierModel TargetParticipant { get; init; }

    public CommunicationIdentifierModel? Transferee { get; init; }

    public PhoneNumberIdentifierModel? SourceCallerIdNumber { get; init; }

    public string? OperationContext { get; init; }
}
