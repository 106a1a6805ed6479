using System.Diagnostics;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using StackExchange.Redis;

namespace CallSupervisor.EndToEnd.Tests.ScaleOut;

/// <summary>The test Redis server: it answers, stops, starts again empty on the same port, and dies with its owner.</summary>
public sealed class RedisServerTests
{
    [Fact]
    public async Task Redis_answers_stops_and_starts_again_on_the_same_port()
    {
        await using var redis = await RedisServer.StartAsync();
        Assert.True(redis.IsRunning);
        Assert.Equal($"127.0.0.1:{redis.Port}", redis.ConnectionString);

        var options = ConfigurationOptions.Parse(redis.ConnectionString);
        // As the app will: keep trying while Redis is away instead of failing for good.
        options.AbortOnConnectFail = false;
        options.ReconnectRetryPolicy = new LinearRetry(250);
        await using var client = await ConnectionMultiplexer.ConnectAsync(options);
        var db = client.GetDatabase();
        Assert.True(await db.StringSetAsync("probe", "before"));
        Assert.Equal("before", (string?)await db.StringGetAsync("probe"));

        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                restored.TrySetResult();
            }
        };
        var pid = redis.ProcessId!.Value;
        await redis.StopAsync();
        Assert.False(redis.IsRunning);
        Assert.Null(redis.ProcessId);
        Assert.False(ProcessAlive(pid));
        Assert.False(await redis.AnswersPingAsync());

        await redis.StartAgainAsync();
        Assert.True(await redis.AnswersPingAsync());
        Assert.NotEqual(pid, redis.ProcessId);

        // The same client finds the new server by itself; nothing was persisted.
        await restored.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var value = await db.StringGetAsync("probe");
        Assert.True(value.IsNull, $"expected an empty server, got '{value}'");
        Assert.True(await db.StringSetAsync("probe", "after"));
    }

    [Fact]
    public async Task Dispose_kills_the_server_and_removes_its_folder()
    {
        var redis = await RedisServer.StartAsync();
        var pid = redis.ProcessId!.Value;
        var folder = redis.Directory;
        Assert.True(Directory.Exists(folder));

        await redis.DisposeAsync();

        Assert.False(ProcessAlive(pid));
        Assert.False(Directory.Exists(folder));
        Assert.False(await redis.AnswersPingAsync());
    }

    [Fact]
    public async Task A_missing_redis_server_says_what_to_install()
    {
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => RedisServer.StartAsync(executable: "/nonexistent/redis-server"));
        Assert.Contains("apt-get install redis-server", missing.Message, StringComparison.Ordinal);
    }

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
