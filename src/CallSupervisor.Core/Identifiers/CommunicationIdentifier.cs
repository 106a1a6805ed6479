namespace CallSupervisor.Core.Identifiers;

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

    /// <summary>
    /// Reads an identifier from its raw id (as used in configuration, e.g. a list of agents), following the
    /// prefixes of the ACS SDKs: <c>4:</c> phone, <c>8:acs:</c>/<c>8:spool:</c> ACS user, <c>8:orgid:</c> Teams user,
    /// <c>28:orgid:</c> Teams app. Anything else is <see cref="IdentifierKind.Unknown"/>.
    /// </summary>
    public static CommunicationIdentifier FromRawId(string rawId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rawId);
        if (rawId.StartsWith("4:", StringComparison.Ordinal))
        {
            return new(IdentifierKind.PhoneNumber, rawId, rawId[2..]);
        }
        foreach (var prefix in (string[])["8:acs:", "8:spool:", "8:dod-acs:", "8:gcch-acs:"])
        {
            if (rawId.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new(IdentifierKind.CommunicationUser, rawId, rawId);
            }
        }
        foreach (var prefix in (string[])["8:orgid:", "8:dod:", "8:gcch:", "8:teamsvisitor:"])
        {
            if (rawId.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new(IdentifierKind.MicrosoftTeamsUser, rawId, rawId[prefix.Length..]);
            }
        }
        foreach (var prefix in (string[])["28:orgid:", "28:dod:", "28:gcch:"])
        {
            if (rawId.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new(IdentifierKind.MicrosoftTeamsApp, rawId, rawId[prefix.Length..]);
            }
        }
        return new(IdentifierKind.Unknown, rawId, rawId);
    }
}
