using System.IO.Pipelines;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Connects a SignalR <c>HubConnection</c> over a plain <see cref="ClientWebSocket"/>, skipping negotiation.
/// Needed because the full SignalR client (Microsoft.AspNetCore.SignalR.Client) cannot be restored here; the
/// server accepts WebSocket connections without negotiate, as the official client's SkipNegotiation does.
/// </summary>
internal sealed class WebSocketConnectionFactory : IConnectionFactory
{
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var uri = ((UriEndPoint)endpoint).Uri;
        var socketUri = new UriBuilder(uri) { Scheme = uri.Scheme == "https" ? "wss" : "ws" }.Uri;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(socketUri, cancellationToken);
        return new WebSocketConnection(socket, endpoint);
    }

    private sealed class WebSocketConnection : ConnectionContext
    {
        private readonly ClientWebSocket _socket;
        private readonly CancellationTokenSource _closed = new();
        private readonly Task _receiving;
        private readonly Task _sending;

        public WebSocketConnection(ClientWebSocket socket, EndPoint remote)
        {
            _socket = socket;
            RemoteEndPoint = remote;
            var input = new Pipe();
            var output = new Pipe();
            // Transport: the app reads what the socket received and writes what the socket must send.
            Transport = new DuplexPipe(input.Reader, output.Writer);
            _receiving = ReceiveAsync(input.Writer);
            _sending = SendAsync(output.Reader);
        }

        public override IDuplexPipe Transport { get; set; }

        public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

        public override CancellationToken ConnectionClosed { get => _closed.Token; set { } }

        private async Task ReceiveAsync(PipeWriter writer)
        {
            try
            {
                while (true)
                {
                    var memory = writer.GetMemory(4096);
                    var result = await _socket.ReceiveAsync(memory, _closed.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }
                    writer.Advance(result.Count);
                    var flush = await writer.FlushAsync(_closed.Token);
                    if (flush.IsCompleted)
                    {
                        break;
                    }
                }
                await writer.CompleteAsync();
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
            {
                await writer.CompleteAsync();
            }
            finally
            {
                await _closed.CancelAsync();
            }
        }

        private async Task SendAsync(PipeReader reader)
        {
            try
            {
                while (true)
                {
                    var result = await reader.ReadAsync(_closed.Token);
                    // One WebSocket message per read: a UTF-8 character split across buffer segments stays valid
                    // because only the last segment ends the message. (SignalR frames its messages with 0x1e.)
                    var segments = new List<ReadOnlyMemory<byte>>();
                    foreach (var segment in result.Buffer)
                    {
                        segments.Add(segment);
                    }
                    for (var i = 0; i < segments.Count; i++)
                    {
                        await _socket.SendAsync(segments[i], WebSocketMessageType.Text, endOfMessage: i == segments.Count - 1, _closed.Token);
                    }
                    reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // Closed.
            }
            await reader.CompleteAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            if (_socket.State == WebSocketState.Open)
            {
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
                {
                    // Already gone (a concurrent abort disposes the socket).
                }
            }
            await _closed.CancelAsync();
            try
            {
                await Task.WhenAll(_receiving, _sending);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // Cancelling a pending ClientWebSocket receive aborts the socket; that is how it ends.
            }
            _socket.Dispose();
            _closed.Dispose();
        }

        private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
        {
            public PipeReader Input { get; } = input;

            public PipeWriter Output { get; } = output;
        }
    }
}
