using System.Text.Json;
using CallSupervisor.Client;
using Microsoft.AspNetCore.Http.Connections;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>
/// The calls hub's second protocol: a client that asks for MessagePack gets the same board as a JSON client, call for
/// call and field for field, and its actions work the same.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class MessagePackHubTests(ServiceFixture fixture)
{
    private static readonly object AcsScenario = new
    {
        platform = "acs",
        caller = new { kind = "phoneNumber", value = "+14255550177" },
        participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
        invitationBehavior = "ringForever",
        mediaDurationSeconds = 600,
    };

    private static CallsHubClientOptions Counted(Action<CountingWebSocket> created, CallsHubProtocol protocol) => new()
    {
        Protocol = protocol,
        ConfigureConnection = http =>
        {
            http.Transports = HttpTransportType.WebSockets;
            http.WebSocketFactory = (context, token) => CountingWebSocket.ConnectAsync(context, created, token);
        },
    };

    [Fact]
    public async Task MessagePackClient_SeesTheBoardTheJsonClientSees_AndMutes()
    {
        CountingWebSocket? jsonSocket = null, packedSocket = null;
        await using var json = await fixture.ConnectHubAsync(Counted(s => jsonSocket = s, CallsHubProtocol.Json));
        await using var packed = await fixture.ConnectHubAsync(Counted(s => packedSocket = s, CallsHubProtocol.MessagePack));
        var callId = await fixture.CreateCallAsync(AcsScenario);

        // Everything a call can carry: the roster, a ringing invitation, running media.
        var settled = await packed.ExpectCallAsync(callId,
            c => c.State == "Connected" && c.AcsUser() is not null && c.Invitations.Any(i => i.Status == "Pending") && c.MediaOperations.Any(), "a call with all its parts");
        var rawId = settled.AcsUser()!.Identifier.RawId;
        var result = await packed.MuteAsync(callId, rawId);
        Assert.Equal("Accepted", result.Status);
        Assert.NotNull(result.AuditId);
        await packed.ExpectCallAsync(callId, c => c.Participant(rawId) is { IsMuted: true }, "participant muted (MessagePack)");
        await json.ExpectCallAsync(callId, c => c.Participant(rawId) is { IsMuted: true }, "participant muted (JSON)");

        // The same call down to its timestamps (compared as JSON text: the DTOs hold lists, compared by reference).
        // The call is settled now (ringing forever, media for ten minutes), so both boards end on one state.
        string Text(CallBoard board) => board.Calls.TryGetValue(callId, out var call) ? JsonSerializer.Serialize(call) : "";
        var expected = Text(json.Board);
        var same = await packed.WaitForAsync(board => Text(board) == Text(json.Board), TimeSpan.FromSeconds(10));
        Assert.Equal(Text(json.Board), Text(same));
        Assert.Contains(rawId, expected, StringComparison.Ordinal);
        // On the wire: MessagePack in binary frames (all but the handshake's JSON answer), JSON in text frames.
        Assert.True(packedSocket!.BinaryReceived > packedSocket.Received - 100, $"{packedSocket.BinaryReceived} of {packedSocket.Received} bytes binary");
        Assert.Equal(0, jsonSocket!.BinaryReceived);
        Assert.True(jsonSocket.Received > 0);
    }
}
