using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>
/// A WebSocket factory for the hub client (<see cref="HttpConnectionOptions.WebSocketFactory"/>) that lets a test
/// cut the transport like a network failure would, and hold the reconnect until the test lets it through.
/// </summary>
internal sealed class DroppableWebSockets
{
    private readonly Lock _gate = new();
    private readonly List<ClientWebSocket> _sockets = [];
    private TaskCompletionSource _open = Opened();

    public int Connections
    {
        get
        {
            lock (_gate)
            {
                return _sockets.Count;
            }
        }
    }

    public async ValueTask<WebSocket> ConnectAsync(WebSocketConnectionContext context, CancellationToken cancellationToken)
    {
        Task open;
        lock (_gate)
        {
            open = _open.Task;
        }
        await open.WaitAsync(cancellationToken);
        // As the client's own factory does: the signed-in session's cookies go with the upgrade request.
        var socket = new ClientWebSocket();
        socket.Options.Cookies = context.Options.Cookies;
        try
        {
            await socket.ConnectAsync(context.Uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        lock (_gate)
        {
            _sockets.Add(socket);
        }
        return socket;
    }

    /// <summary>New connections wait from now on until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _open.TrySetResult();
        }
    }

    /// <summary>Aborts every socket: no close handshake, the transport just fails, as on a lost network.</summary>
    public void AbortAll()
    {
        lock (_gate)
        {
            foreach (var socket in _sockets)
            {
                socket.Abort();
            }
        }
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
