namespace CallSupervisor.Telephony.Acs.Wire;

/// <summary>
/// common.json CommunicationIdentifierModel: <c>kind</c>, <c>rawId</c> and at most one kind-specific object.
/// <c>kind</c> is kept as a string so an unknown future kind still deserializes.
/// </summary>
internal sealed record CommunicationIdentifierModel
{
    public string? Kind { get; init; }

    public string? RawId { get; init; }

    public CommunicationUserIdentifierModel? CommunicationUser { get; init; }

    public PhoneNumberIdentifierModel? PhoneNumber { get; init; }

    public MicrosoftTeamsUserIdentifierModel? MicrosoftTeamsUser { get; init; }

    public MicrosoftTeamsAppIdentifierModel? MicrosoftTeamsApp { get; init; }
}

internal sealed record CommunicationUserIdentifierModel(string? Id);

internal sealed record PhoneNumberIdentifierModel(string? Value);

internal sealed record MicrosoftTeamsUserIdentifierModel
{
    public string? UserId { get; init; }

    public bool? IsAnonymous { get; init; }

    /// <summary>public, dod or gcch; "public" when missing.</summary>
    public string? Cloud { get; init; }
}

internal sealed record MicrosoftTeamsAppIdentifierModel
{
    public string? AppId { get; init; }

    public string? Cloud { get; init; }
}

/// <summary>CallParticipant: an identifier with its mute and hold state.</summary>
internal sealed record CallParticipantModel
{
    public CommunicationIdentifierModel? Identifier { get; init; }

    public bool? IsMuted { get; init; }

    public bool? IsOnHold { get; init; }
}

/// <summary>ResultInformation of callback events.</summary>
internal sealed record ResultInformationModel
{
    public int? Code { get; init; }

    public int? SubCode { get; init; }

    public string? Message { get; init; }
}
