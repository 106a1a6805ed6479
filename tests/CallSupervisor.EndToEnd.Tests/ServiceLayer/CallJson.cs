using System.Text.Json;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>Readers of the hub's call JSON (the CallDto shape), shared by the hub-level tests.</summary>
internal static class CallJson
{
    public static string? State(JsonElement call) => call.GetProperty("state").GetString();

    public static IEnumerable<JsonElement> Participants(JsonElement call) => call.GetProperty("participants").EnumerateArray();

    public static IEnumerable<JsonElement> Invitations(JsonElement call) => call.GetProperty("invitations").EnumerateArray();

    public static IEnumerable<JsonElement> Media(JsonElement call) => call.GetProperty("mediaOperations").EnumerateArray();

    public static string? Kind(JsonElement participant) => participant.GetProperty("identifier").GetProperty("kind").GetString();

    public static string? Status(JsonElement item) => item.GetProperty("status").GetString();

    public static string? Id(JsonElement invitation) => invitation.GetProperty("invitationId").GetString();

    public static JsonElement? AcsUser(JsonElement call) =>
        Participants(call).Where(p => Kind(p) == "CommunicationUser").Select(p => (JsonElement?)p).FirstOrDefault();

    public static JsonElement? Participant(JsonElement call, string rawId) =>
        Participants(call).Where(p => p.GetProperty("identifier").GetProperty("rawId").GetString() == rawId).Select(p => (JsonElement?)p).FirstOrDefault();
}
