using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>Short human-readable texts for activity entries and command messages.</summary>
internal static class Describe
{
    private const int MaxIdLength = 24;

    public static string Who(CommunicationIdentifier? identifier) => identifier switch
    {
        null => "Unknown participant",
        { Kind: IdentifierKind.CommunicationUser } => "Agent " + Shorten(identifier.RawId),
        { Kind: IdentifierKind.PhoneNumber } => identifier.Value,
        { Kind: IdentifierKind.MicrosoftTeamsUser } => "Teams user " + Shorten(identifier.Value),
        { Kind: IdentifierKind.MicrosoftTeamsApp } => "Teams app " + Shorten(identifier.Value),
        _ => Shorten(identifier.RawId),
    };

    public static string Result(ResultInfo? result) =>
        result is null ? "no result information" : $"{result.Code}/{result.SubCode} {result.Message}".TrimEnd();

    public static string Error(TelephonyError error) => error.ToString();

    public static string Media(MediaOperation operation) =>
        operation.Description is { Length: > 0 } d ? $"{operation.Kind} \"{d}\"" : $"{operation.Kind} {operation.Id}";

    // Raw ids of ACS users are ~100 characters: enough of the prefix is kept to tell agents apart in a feed.
    private static string Shorten(string value) => value.Length <= MaxIdLength ? value : value[..(MaxIdLength - 1)] + "…";
}
