using CallSupervisor.Core.Calls;

namespace CallSupervisor.Web.ViewModels;

/// <summary>How identifiers read on screen: a phone number as is, ACS and Teams ids shortened, with their kind.</summary>
public static class IdentifierText
{
    public static string Display(CommunicationIdentifier? id) => id switch
    {
        null => "—",
        { Kind: IdentifierKind.PhoneNumber } => id.Value,
        { Kind: IdentifierKind.CommunicationUser } => Shorten(AcsUserPart(id.Value)),
        _ => Shorten(id.Value),
    };

    public static string Kind(IdentifierKind kind) => kind switch
    {
        IdentifierKind.PhoneNumber => "Phone",
        IdentifierKind.CommunicationUser => "ACS user",
        IdentifierKind.MicrosoftTeamsUser => "Teams user",
        IdentifierKind.MicrosoftTeamsApp => "Teams app",
        _ => "Unknown",
    };

    public static string Icon(IdentifierKind kind) => kind switch
    {
        IdentifierKind.PhoneNumber => "call",
        IdentifierKind.CommunicationUser => "person",
        IdentifierKind.MicrosoftTeamsUser => "groups",
        IdentifierKind.MicrosoftTeamsApp => "smart_toy",
        _ => "help",
    };

    // ACS user ids look like 8:acs:{resource}_{user}: the user part is what tells people apart.
    private static string AcsUserPart(string value)
    {
        var tail = value[(value.LastIndexOf(':') + 1)..];
        var underscore = tail.IndexOf('_', StringComparison.Ordinal);
        return underscore >= 0 && underscore < tail.Length - 1 ? tail[(underscore + 1)..] : tail;
    }

    // Long GUID-like ids are unreadable in a table; the full raw id stays in the title attribute.
    private static string Shorten(string value) => value.Length > 24 ? value[..10] + "…" + value[^8..] : value;
}
