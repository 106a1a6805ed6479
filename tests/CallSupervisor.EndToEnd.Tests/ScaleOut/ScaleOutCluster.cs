using System.Globalization;
using System.Text.Json;
using CallSupervisor.Audit.Tests.Infrastructure;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using StackExchange.Redis;

namespace CallSupervisor.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The deployment of docs/deployment.md on one machine: a real Redis and a real PostgreSQL (each on a free loopback
/// port with a private folder), the emulator standing for ACS and Graph, two app instances on the shared Redis stream
/// and the shared audit database, and the YARP sample in front. The emulator posts every callback and Event Grid
/// event to the balancer, which spreads them round-robin over the instances; each is killed by PID at the end.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly PostgresServer _postgres = new();
    private Dictionary<string, string> _settings = [];
    private ConnectionMultiplexer? _redisClient;

    public RedisServer Redis { get; private set; } = null!;

    public ExternalEmulator Emulator { get; private set; } = null!;

    public AppProcess A { get; private set; } = null!;

    public AppProcess B { get; private set; } = null!;

    public LoadBalancerProcess Balancer { get; private set; } = null!;

    /// <summary>What ACS is told to call back: the balancer.</summary>
    public Uri BalancerAddress { get; private set; } = null!;

    /// <summary>Calls the emulator's simulation keeps alive at once.</summary>
    public int ConcurrentCalls { get; init; } = 6;

    /// <summary>Settings of both instances over the cluster's own (a long reconcile interval, for one).</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        // Persistent, as a production Redis: a Redis restart keeps the stream, the checkpoint and the keys.
        var redis = RedisServer.StartAsync(Path.Combine(_home, "redis"), persistent: true);
        var postgres = _postgres.InitializeAsync();
        var emulator = ExternalEmulator.StartAsync(simulation: true, concurrentCalls: ConcurrentCalls);
        await Task.WhenAll(redis, postgres, emulator);
        Redis = await redis;
        Emulator = await emulator;

        var balancerPort = ServerProcesses.FreePort();
        BalancerAddress = new Uri($"http://127.0.0.1:{balancerPort}/");
        _settings = Emulator.AppSettings(BalancerAddress);
        _settings["Redis:ConnectionString"] = Redis.ConnectionString;
        _settings["Redis:PollInterval"] = "00:00:00.250";
        _settings["Audit:Provider"] = "PostgreSql";
        _settings["ConnectionStrings:Audit"] = _postgres.ConnectionString("postgres");
        _settings["Calls:ReconcileInterval"] = "00:00:05";
        _settings["Calls:MaintenanceInterval"] = "00:00:01";
        foreach (var (key, value) in Overrides)
        {
            _settings[key] = value;
        }

        var a = AppProcess.StartAsync(Path.Combine(_home, "a"), _settings, waitForEmulator: false);
        var b = AppProcess.StartAsync(Path.Combine(_home, "b"), _settings, waitForEmulator: false);
        await Task.WhenAll(a, b);
        A = await a;
        B = await b;
        Balancer = await LoadBalancerProcess.StartAsync(Path.Combine(_home, "balancer"), [A.BaseAddress, B.BaseAddress], port: balancerPort);
        Emulator.Attach(BalancerAddress);
    }

    /// <summary>Starts another instance on the same Redis and database (to replace a killed one).</summary>
    public Task<AppProcess> StartInstanceAsync(string name, int port) =>
        AppProcess.StartAsync(Path.Combine(_home, name), _settings, waitForEmulator: false, port: port);

    /// <summary>The emulator's view of every call (the truth the boards must equal).</summary>
    public async Task<JsonElement> EmulatorCallsAsync() =>
        JsonDocument.Parse(await Emulator.Admin.GetStringAsync("emulator/calls")).RootElement.GetProperty("calls").Clone();

    /// <summary>The shared stream's records: (instance that appended it, the event's JSON), oldest first.</summary>
    public async Task<IReadOnlyList<(string Origin, string Event)>> StreamAsync()
    {
        _redisClient ??= await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var entries = await _redisClient.GetDatabase().StreamRangeAsync("callsupervisor:events");
        return [.. entries.Select(e => (e["o"].ToString(), e["e"].ToString()))];
    }

    /// <summary>Whether a record's origin (an instance id) is <paramref name="app"/>'s: ids carry the process id.</summary>
    public static bool IsFrom(string origin, AppProcess app) =>
        origin.Contains("-" + app.ProcessId.ToString(CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal);

    public async Task DisposeAsync()
    {
        _redisClient?.Dispose();
        await DisposeQuietly(Balancer);
        await DisposeQuietly(A);
        await DisposeQuietly(B);
        await DisposeQuietly(Emulator);
        await DisposeQuietly(Redis);
        await _postgres.DisposeAsync();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private static async Task DisposeQuietly(IAsyncDisposable? disposable)
    {
        if (disposable is not null)
        {
            await disposable.DisposeAsync();
        }
    }
}
