namespace CallSupervisor.Core.Calls;

/// <summary>The identifier kinds of the ACS contract (CommunicationIdentifierModelKind).</summary>
public enum IdentifierKind
{
    Unknown,
    CommunicationUser,
    PhoneNumber,
    MicrosoftTeamsUser,
    MicrosoftTeamsApp,
}

/// <summary>
/// A participant's identity as ACS reports it. <see cref="RawId"/> is the stable key (e.g. <c>8:acs:…</c>,
/// <c>4:+14255550123</c>, <c>8:orgid:…</c>, <c>28:orgid:…</c>); <see cref="Value"/> is the kind-specific value
/// (ACS user id, phone number, Teams user id or Teams app id).
/// </summary>
public sealed record CommunicationIdentifier(IdentifierKind Kind, string RawId, string Value)
{
    /// <summary>ACS can mute only ACS users (communicationUser); phone and Teams participants cannot be muted.</summary>
    public bool CanBeMuted => Kind == IdentifierKind.CommunicationUser;

    public static CommunicationIdentifier AcsUser(string id) => new(IdentifierKind.CommunicationUser, id, id);

    public static CommunicationIdentifier Phone(string number) => new(IdentifierKind.PhoneNumber, "4:" + number, number);

    public static CommunicationIdentifier TeamsUser(string userId) => new(IdentifierKind.MicrosoftTeamsUser, "8:orgid:" + userId, userId);

    public static CommunicationIdentifier TeamsApp(string appId) => new(IdentifierKind.MicrosoftTeamsApp, "28:orgid:" + appId, appId);
}
