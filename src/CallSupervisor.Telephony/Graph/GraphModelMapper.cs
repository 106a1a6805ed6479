using System.Text.Json;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Callbacks;

namespace CallSupervisor.Telephony.Graph;

/// <summary>
/// Maps Graph's <c>call</c> and <c>participant</c> resources (as GET returns them) to Core types, with the same
/// identity rules as the notifications (<see cref="GraphIdentityMapper"/>).
/// </summary>
internal static class GraphModelMapper
{
    /// <summary>Graph's callState to <see cref="CallState"/>; a call on hold or being transferred is still connected.</summary>
    public static CallState ToCallState(string? state) => state?.ToUpperInvariant() switch
    {
        "INCOMING" or "ESTABLISHING" => CallState.Connecting,
        "ESTABLISHED" or "HOLD" or "TRANSFERRING" or "REDIRECTING" => CallState.Connected,
        "TRANSFERACCEPTED" => CallState.TransferAccepted,
        "TERMINATING" => CallState.Disconnecting,
        "TERMINATED" => CallState.Disconnected,
        _ => CallState.Unknown,
    };

    /// <summary>Null when the body is not a call object.</summary>
    public static CallDetails? ToCallDetails(CallId callId, JsonElement call)
    {
        if (call.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var source = call.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("identity", out var sourceIdentity)
            ? GraphIdentityMapper.FromIdentitySet(sourceIdentity)
            : null;
        var targets = call.TryGetProperty("targets", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray()
                .Where(target => target.ValueKind == JsonValueKind.Object && target.TryGetProperty("identity", out _))
                .Select(target => GraphIdentityMapper.FromIdentitySet(target.GetProperty("identity")))
                .OfType<CommunicationIdentifier>()
                .ToList()
            : [];
        return new CallDetails(callId, null, String(call, "callChainId"), ToCallState(String(call, "state")), source, targets);
    }

    /// <summary>Participants of one page; entries without a readable identity cannot be shown and are skipped.</summary>
    public static IEnumerable<ParticipantState> ToParticipants(JsonElement page)
    {
        if (!page.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var participant in value.EnumerateArray())
        {
            if (participant.ValueKind == JsonValueKind.Object &&
                participant.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object &&
                info.TryGetProperty("identity", out var set) && GraphIdentityMapper.FromIdentitySet(set) is { } identifier)
            {
                var isMuted = participant.TryGetProperty("isMuted", out var muted) && muted.ValueKind == JsonValueKind.True;
                // Graph participants have no hold flag.
                yield return new ParticipantState(identifier, isMuted, IsOnHold: false) { DisplayName = GraphIdentityMapper.DisplayNameOf(set) };
            }
        }
    }

    public static string? NextLink(JsonElement page) => String(page, "@odata.nextLink");

    private static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
