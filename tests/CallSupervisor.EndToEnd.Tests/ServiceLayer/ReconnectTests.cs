using CallSupervisor.Client;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>
/// The client's reconnect against the real app: the transport is cut, a call changes while the client is away
/// (its <c>changed</c> batch goes out to nobody on that client's side), and the new connection's snapshot must
/// bring the change and replace the board.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class ReconnectTests(ServiceFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static object Scenario(string caller) => new
    {
        platform = "acs",
        caller = new { kind = "phoneNumber", value = caller },
        participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
        invitationBehavior = "ringForever",
    };

    [Fact]
    public async Task TransportLost_CallEndsMeanwhile_NewSnapshotBringsTheChange()
    {
        var sockets = new DroppableWebSockets();
        await using var hub = await fixture.ConnectHubAsync(new CallsHubClientOptions
        {
            ConfigureConnection = http =>
            {
                http.Transports = HttpTransportType.WebSockets;
                http.WebSocketFactory = sockets.ConnectAsync;
            },
        });
        // A second client whose connection stays up tells when the server has the change.
        await using var observer = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(Scenario("+14255550801"));
        await hub.ExpectCallAsync(callId, c => c.State == "Connected", "connected call");
        var firstConnection = hub.ConnectionId;
        Assert.Equal(1, hub.Board.SnapshotsApplied);

        var reconnecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.ConnectionStateChanged += (_, state) =>
        {
            if (state == HubConnectionState.Reconnecting)
            {
                reconnecting.TrySetResult();
            }
        };
        sockets.Hold();
        try
        {
            sockets.AbortAll();
            await reconnecting.Task.WaitAsync(Timeout);

            using var end = await fixture.Emulator.PostAsync($"emulator/calls/{callId}/end", null);
            Assert.True(end.IsSuccessStatusCode, await end.Content.ReadAsStringAsync());
            await observer.ExpectCallAsync(callId, c => c.State == "Disconnected", "the call ended, seen by the observer");

            // The change was broadcast while this client had no connection: it has not seen it.
            Assert.Equal(HubConnectionState.Reconnecting, hub.ConnectionState);
            Assert.Equal("Connected", hub.Board.Calls[callId].State);
        }
        finally
        {
            sockets.Release();
        }

        var board = await hub.WaitForAsync(b => b.SnapshotsApplied == 2, Timeout);

        Assert.Equal("Disconnected", board.Calls[callId].State);
        Assert.Equal(2, sockets.Connections);
        Assert.NotEqual(firstConnection, hub.ConnectionId);
        // Live changes flow again on the new connection.
        var next = await fixture.CreateCallAsync(Scenario("+14255550802"));
        await hub.ExpectCallAsync(next, c => c.State == "Connected", "a call made after the reconnect");
        Assert.Equal(2, hub.Board.SnapshotsApplied);
    }
}
