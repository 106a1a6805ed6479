using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Web.ViewModels;

/// <summary>How identifiers read on screen (the one format of <see cref="IdentifierFormat"/>), with their kind and icon.</summary>
public static class IdentifierText
{
    public static string Display(CommunicationIdentifier? id) => id is null ? "—" : IdentifierFormat.Short(id);

    public static string Kind(IdentifierKind kind) => IdentifierFormat.Kind(kind);

    public static string Icon(IdentifierKind kind) => kind switch
    {
        IdentifierKind.PhoneNumber => "call",
        IdentifierKind.CommunicationUser => "person",
        IdentifierKind.MicrosoftTeamsUser => "groups",
        IdentifierKind.MicrosoftTeamsApp => "smart_toy",
        _ => "help",
    };
}
