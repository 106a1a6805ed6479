using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallSupervisor.Client;
using CallSupervisor.EndToEnd.Tests.Infrastructure;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>
/// The real app with its embedded emulator, the seeded simulation off so every call is one a test created
/// through the emulator's scenario API, plus helpers to follow state through the typed hub client.
/// </summary>
public class ServiceFixture : IAsyncLifetime
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-svc-" + Guid.NewGuid().ToString("N"));
    private AppProcess? _app;

    public HttpClient Emulator { get; private set; } = null!;

    public Uri BaseAddress => _app!.BaseAddress;

    public string AppOutput => _app?.Output ?? "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        var settings = new Dictionary<string, string> { ["Emulator:Simulation:Enabled"] = "false" };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        _app = await AppProcess.StartAsync(_home, settings);
        Emulator = new HttpClient { BaseAddress = _app.EmulatorAddress };
    }

    /// <summary>Configuration of this fixture's app on top of the defaults (simulation off).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>The far side's view of every call (<c>GET /emulator/calls</c>).</summary>
    public async Task<JsonElement> EmulatorCallsAsync() =>
        JsonDocument.Parse(await Emulator.GetStringAsync("emulator/calls")).RootElement.GetProperty("calls").Clone();

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Emulator.PostAsJsonAsync("emulator/faults", faults);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task ClearFaultsAsync()
    {
        using (await Emulator.DeleteAsync("emulator/faults"))
        {
        }
    }

    /// <summary>Creates a call through the emulator (IncomingCall → the app answers → callbacks) and returns its id.</summary>
    /// <summary>
    /// Hangs up every call still up on the emulator: a test that needs its own call's row in view starts from a short
    /// list (the grid renders only the rows on screen, and earlier tests' calls may ring for ever).
    /// </summary>
    public async Task EndEveryCallAsync()
    {
        foreach (var call in (await EmulatorCallsAsync()).EnumerateArray())
        {
            if (call.GetProperty("state").GetString() != "disconnected")
            {
                using (await Emulator.PostAsync($"emulator/calls/{Uri.EscapeDataString(call.GetProperty("callId").GetString()!)}/end", null))
                {
                }
            }
        }
    }

    /// <summary>Hangs up one call on the emulator (the caller leaves).</summary>
    public async Task EndCallAsync(string callId)
    {
        using var response = await Emulator.PostAsync($"emulator/calls/{Uri.EscapeDataString(callId)}/end", null);
        response.EnsureSuccessStatusCode();
    }

    public async Task<string> CreateCallAsync(object scenario)
    {
        using var response = await Emulator.PostAsJsonAsync("emulator/calls", scenario);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"scenario failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("callId").GetString()!;
    }

    /// <summary>Connects to the app's calls hub; returns once the first snapshot is on the board.</summary>
    /// <summary>A hub client signed in as <paramref name="user"/> (a demo user of the emulator's sign-in) through the real flow.</summary>
    public async Task<CallsHubClient> ConnectHubAsync(CallsHubClientOptions? options = null, string user = OidcSignIn.Supervisor)
    {
        var cookies = await SessionAsync(user);
        var given = options ?? new CallsHubClientOptions();
        var signedIn = new CallsHubClientOptions
        {
            AutomaticReconnect = given.AutomaticReconnect,
            ReconnectPolicy = given.ReconnectPolicy,
            SnapshotTimeout = given.SnapshotTimeout,
            WaitForWholeSnapshot = given.WaitForWholeSnapshot,
            Protocol = given.Protocol,
            AccessTokenProvider = given.AccessTokenProvider,
            ConfigureConnection = http =>
            {
                http.Cookies = cookies;
                given.ConfigureConnection?.Invoke(http);
            },
        };
        return await CallsHubClient.ConnectAsync(BaseAddress, signedIn);
    }

    /// <summary>The cookies of a signed-in session for <paramref name="user"/>, signed in once per fixture.</summary>
    public async Task<System.Net.CookieContainer> SessionAsync(string user)
    {
        Task<System.Net.CookieContainer> session;
        lock (_sessions)
        {
            if (!_sessions.TryGetValue(user, out session!))
            {
                session = OidcSignIn.SignInAsync(BaseAddress, user);
                _sessions[user] = session;
            }
        }
        return await session;
    }

    private readonly Dictionary<string, Task<System.Net.CookieContainer>> _sessions = [];

    public virtual async Task DisposeAsync()
    {
        Emulator?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "service";
}
