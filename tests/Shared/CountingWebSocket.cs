using System.Net.WebSockets;

namespace CallSupervisor.Testing;

/// <summary>
/// A client WebSocket that counts the payload bytes it receives (WebSocket frame headers excluded), handed to the
/// SignalR client through <c>HttpConnectionOptions.WebSocketFactory</c>: the size of what the server really sent, and
/// how much of it came in binary frames (a MessagePack connection's messages; JSON's are text). Shared by the
/// end-to-end tests and the load harness (linked into both from tests/Shared).
/// </summary>
internal sealed class CountingWebSocket(ClientWebSocket inner) : WebSocket
{
    private long _received;
    private long _binary;

    public long Received => Interlocked.Read(ref _received);

    /// <summary>The payload bytes of <see cref="Received"/> that came in binary frames.</summary>
    public long BinaryReceived => Interlocked.Read(ref _binary);

    /// <summary>The factory SignalR calls: connects with the connection's cookies, as its own factory would.</summary>
    public static async ValueTask<WebSocket> ConnectAsync(Microsoft.AspNetCore.Http.Connections.Client.WebSocketConnectionContext context, Action<CountingWebSocket> created, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        if (context.Options.Cookies is { } cookies)
        {
            socket.Options.Cookies = cookies;
        }
        await socket.ConnectAsync(context.Uri, ct);
        var counting = new CountingWebSocket(socket);
        created(counting);
        return counting;
    }

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    public override WebSocketState State => inner.State;

    public override string? SubProtocol => inner.SubProtocol;

    public override void Abort() => inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Dispose() => inner.Dispose();

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Count(result.Count, result.MessageType);
        return result;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Count(result.Count, result.MessageType);
        return result;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    private void Count(int bytes, WebSocketMessageType type)
    {
        Interlocked.Add(ref _received, bytes);
        if (type == WebSocketMessageType.Binary)
        {
            Interlocked.Add(ref _binary, bytes);
        }
    }
}
