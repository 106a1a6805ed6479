namespace CallSupervisor.Emulator.Wire;

/// <summary>
/// Builds and normalizes identifiers the way ACS answers them: kind and rawId always set. Raw id prefixes follow the
/// ACS SDKs: <c>4:</c> phone, <c>8:acs:</c> ACS user, <c>8:orgid:</c> Teams user, <c>28:orgid:</c> Teams app.
/// </summary>
internal static class Identifiers
{
    public const string CommunicationUser = "communicationUser";
    public const string PhoneNumber = "phoneNumber";
    public const string MicrosoftTeamsUser = "microsoftTeamsUser";
    public const string MicrosoftTeamsApp = "microsoftTeamsApp";

    public static IdentifierModel AcsUser(string id) => new(CommunicationUser, id, CommunicationUser: new CommunicationUserModel(id));

    public static IdentifierModel Phone(string e164) => new(PhoneNumber, "4:" + e164, PhoneNumber: new PhoneNumberModel(e164));

    public static IdentifierModel TeamsUser(string userId) =>
        new(MicrosoftTeamsUser, "8:orgid:" + userId, MicrosoftTeamsUser: new TeamsUserModel(userId, false, "public"));

    public static IdentifierModel TeamsApp(string appId) =>
        new(MicrosoftTeamsApp, "28:orgid:" + appId, MicrosoftTeamsApp: new TeamsAppModel(appId, "public"));

    /// <summary>
    /// Fills kind and rawId from whichever member a request set (or parses a bare rawId). Null when the identifier
    /// names nothing usable.
    /// </summary>
    public static IdentifierModel? Normalize(IdentifierModel? model)
    {
        if (model is null)
        {
            return null;
        }
        if (model.CommunicationUser is { Id.Length: > 0 } user)
        {
            return AcsUser(user.Id);
        }
        if (model.PhoneNumber is { Value.Length: > 0 } phone)
        {
            return Phone(phone.Value);
        }
        if (model.MicrosoftTeamsUser is { UserId.Length: > 0 } teams)
        {
            return TeamsUser(teams.UserId);
        }
        if (model.MicrosoftTeamsApp is { AppId.Length: > 0 } app)
        {
            return TeamsApp(app.AppId);
        }
        return model.RawId is { Length: > 0 } raw ? FromRawId(raw) : null;
    }

    public static IdentifierModel? FromRawId(string rawId) => rawId switch
    {
        _ when rawId.StartsWith("4:", StringComparison.Ordinal) => Phone(rawId[2..]),
        _ when rawId.StartsWith("8:orgid:", StringComparison.Ordinal) => TeamsUser(rawId["8:orgid:".Length..]),
        _ when rawId.StartsWith("28:orgid:", StringComparison.Ordinal) => TeamsApp(rawId["28:orgid:".Length..]),
        _ when rawId.StartsWith("8:", StringComparison.Ordinal) => AcsUser(rawId),
        _ => null,
    };

    public static bool SameAs(IdentifierModel a, IdentifierModel b) => string.Equals(a.RawId, b.RawId, StringComparison.Ordinal);
}
