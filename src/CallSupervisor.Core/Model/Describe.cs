using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Model;

/// <summary>Short human-readable texts for activity entries and command messages.</summary>
internal static class Describe
{
    /// <summary>
    /// A participant by the role the app knows for it in this call — the caller (from CallConnected or the
    /// IncomingCall), an agent (someone the app invited) — else by its identifier kind.
    /// </summary>
    public static string Who(Call call, CommunicationIdentifier? identifier)
    {
        if (identifier is null)
        {
            return "Unknown participant";
        }
        var name = ParticipantNames.Display(call, identifier);
        return ParticipantNames.RoleOf(call, identifier) switch
        {
            ParticipantRole.Caller => "Caller " + name,
            ParticipantRole.Agent => "Agent " + name,
            ParticipantRole.Supervisor => "Supervisor " + name,
            ParticipantRole.TransferTarget => "Transfer target " + name,
            _ when call.Names.ContainsKey(identifier.RawId) => name,
            _ => identifier.Kind switch
            {
                IdentifierKind.PhoneNumber or IdentifierKind.Unknown => name,
                _ => IdentifierFormat.Kind(identifier.Kind) + " " + name,
            },
        };
    }

    public static string Result(ResultInfo? result) =>
        result is null ? "no result information" : $"{result.Code}/{result.SubCode} {result.Message}".TrimEnd();

    public static string Error(TelephonyError error) => error.ToString();

    public static string Media(MediaOperation operation) =>
        operation.Description is { Length: > 0 } d ? $"{operation.Kind} \"{d}\"" : $"{operation.Kind} {operation.Id}";
}
