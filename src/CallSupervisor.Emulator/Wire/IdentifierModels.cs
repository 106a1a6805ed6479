namespace CallSupervisor.Emulator.Wire;

/// <summary>CommunicationIdentifierModel (common 2023-11-15): kind, rawId and at most one kind-specific member.</summary>
internal sealed record IdentifierModel(
    string? Kind = null,
    string? RawId = null,
    CommunicationUserModel? CommunicationUser = null,
    PhoneNumberModel? PhoneNumber = null,
    TeamsUserModel? MicrosoftTeamsUser = null,
    TeamsAppModel? MicrosoftTeamsApp = null);

internal sealed record CommunicationUserModel(string Id);

internal sealed record PhoneNumberModel(string Value);

internal sealed record TeamsUserModel(string UserId, bool? IsAnonymous = null, string? Cloud = null);

internal sealed record TeamsAppModel(string AppId, string? Cloud = null);

/// <summary>CallParticipant.</summary>
internal sealed record CallParticipantModel(IdentifierModel Identifier, bool IsMuted, bool IsOnHold);
