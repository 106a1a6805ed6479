using CallSupervisor.Core.EventLog;
using CallSupervisor.Board;
using CallSupervisor.Board.EventLog;
using StackExchange.Redis;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>
/// While Redis is away, the shared log refuses at once instead of queueing each command until its timeout: a callback
/// is answered 503 right away and ACS resends it.
/// </summary>
public sealed class RedisFailFastTests
{
    [Fact]
    public void RedisConfiguration_FailsFastAndShortTimeouts()
    {
        var configuration = BoardServiceCollectionExtensions.RedisConfiguration(new RedisOptions { ConnectionString = "127.0.0.1:6379" });

        Assert.Same(BacklogPolicy.FailFast, configuration.BacklogPolicy);
        Assert.False(configuration.AbortOnConnectFail);
        Assert.InRange(configuration.AsyncTimeout, 1, 2000);
        Assert.InRange(configuration.SyncTimeout, 1, 2000);
    }

    [Fact]
    public async Task Append_RedisNotConnected_RefusedSayingSo()
    {
        // A port nobody listens on; as the app does, the client starts anyway and keeps trying.
        var options = new RedisOptions { ConnectionString = $"127.0.0.1:{ClosedPort()},connectTimeout=500" };
        var configuration = BoardServiceCollectionExtensions.RedisConfiguration(options);
        configuration.ConnectTimeout = 500;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var log = new RedisEventLog(redis, options, "test");

        var refused = await Assert.ThrowsAsync<EventLogUnavailableException>(() => log.AppendAsync([Event()], CancellationToken.None));

        Assert.Contains("not connected", refused.Message, StringComparison.Ordinal);
    }

    private static CallEvent Event() => new CallConnected("e1", new Core.Identifiers.CallId("c1"), DateTimeOffset.UnixEpoch, Core.Identifiers.CallPlatform.Acs, "s", "corr", null, null);

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
