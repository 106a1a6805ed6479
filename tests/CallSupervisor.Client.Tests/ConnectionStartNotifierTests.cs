using System.Net;
using CallSupervisor.Client.Internal;
using Microsoft.AspNetCore.Connections;

namespace CallSupervisor.Client.Tests;

/// <summary>The hook that starts the merger over runs once per connection, after the transport is up.</summary>
public sealed class ConnectionStartNotifierTests
{
    private static readonly EndPoint Hub = new UriEndPoint(new Uri("http://127.0.0.1/hubs/calls"));

    [Fact]
    public async Task ConnectAsync_Connected_NotifiesOncePerConnection()
    {
        var inner = new FakeConnectionFactory();
        var notified = 0;
        var notifier = new ConnectionStartNotifier(inner, () => notified++);

        var first = await notifier.ConnectAsync(Hub);
        var second = await notifier.ConnectAsync(Hub);

        Assert.Equal(2, notified);
        Assert.Equal([first, second], inner.Created);
    }

    [Fact]
    public async Task ConnectAsync_InnerFails_DoesNotNotify()
    {
        var notified = 0;
        var notifier = new ConnectionStartNotifier(new FakeConnectionFactory { Fail = true }, () => notified++);

        await Assert.ThrowsAsync<HttpRequestException>(() => notifier.ConnectAsync(Hub).AsTask());

        Assert.Equal(0, notified);
    }

    private sealed class FakeConnectionFactory : IConnectionFactory
    {
        public bool Fail { get; init; }

        public List<ConnectionContext> Created { get; } = [];

        public ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
        {
            if (Fail)
            {
                throw new HttpRequestException("refused");
            }
            var connection = new DefaultConnectionContext();
            Created.Add(connection);
            return ValueTask.FromResult<ConnectionContext>(connection);
        }
    }
}
