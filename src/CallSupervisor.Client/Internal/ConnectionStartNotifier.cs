using System.Net;
using Microsoft.AspNetCore.Connections;

namespace CallSupervisor.Client.Internal;

/// <summary>
/// Wraps the transport's connection factory to say "a new connection is starting" before any of its messages
/// can be handled. HubConnection's <c>Reconnecting</c>/<c>Reconnected</c> events are fire-and-forget on the
/// thread pool and may run after the new connection's snapshot was handled; this hook runs inside the connect
/// itself, before the handshake, so the merger starts over for the new connection first.
/// </summary>
internal sealed class ConnectionStartNotifier(IConnectionFactory inner, Action connected) : IConnectionFactory
{
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var connection = await inner.ConnectAsync(endpoint, cancellationToken);
        connected();
        return connection;
    }
}
