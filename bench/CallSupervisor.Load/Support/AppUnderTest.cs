using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using CallSupervisor.Client;
using CallSupervisor.Emulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallSupervisor.Load.Support;

/// <summary>
/// The real app (its Release build output, as a child process, Development environment as in the end-to-end tests)
/// with its own ACS/Graph emulator in this process, configured as the end-to-end tests' ExternalEmulator does: the
/// app is pointed at the emulator by settings, as at real ACS. Adapted from tests/CallSupervisor.EndToEnd.Tests
/// (AppProcess, ExternalEmulator).
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    // Settings that differ from the app's defaults, each so that a scenario measures its one path:
    private static readonly Dictionary<string, string> HarnessSettings = new()
    {
        // Rate limit of callbacks (default 2,000 requests/s): ingestion measures what the pipeline takes, not the limiter.
        ["Security:CallbackRequestsPerSecond"] = "1000000",
        // Sign-ins per minute per address (default 30): every hub client signs in separately, all from 127.0.0.1.
        ["Security:SignInsPerMinute"] = "100000",
        // The periodic re-read of every live call from the emulator (default 30 s: 667 reads/s at 10,000 calls) would
        // run through every measurement, and it would put the emulator's rosters back over the ones the driver posts
        // (ACS's truth knows nothing of them); new calls are still read once, at the next maintenance tick.
        ["Calls:ReconcileInterval"] = "01:00:00",
        // Seeded calls play media for an hour: not expired under a long run (default 10 min).
        ["Calls:MediaTimeout"] = "02:00:00",
    };

    private readonly ChildProcess _process;

    private AppUnderTest(EmulatorHost emulator, ChildProcess process)
    {
        Emulator = emulator;
        _process = process;
        Admin = new HttpClient { BaseAddress = emulator.BaseAddress };
    }

    public EmulatorHost Emulator { get; }

    /// <summary>The emulator's admin API (POST emulator/calls).</summary>
    public HttpClient Admin { get; }

    public Uri BaseAddress => _process.BaseAddress;

    public Uri CallbackAddress => new(BaseAddress, "api/callbacks/acs");

    public int ProcessId => _process.ProcessId;

    public static async Task<AppUnderTest> StartAsync(Workspace workspace, string name, TimeSpan? eventDelay = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var options = new EmulatorOptions
        {
            EventGridPath = "api/callbacks/incoming?key=" + key,
            CallbackRetryCount = 8,
            CallbackRetryBaseDelay = TimeSpan.FromMilliseconds(250),
            // Callers' numbers made up from one seed: several apps in one run must not share calls, only the pattern.
            Seed = RandomNumberGenerator.GetInt32(int.MaxValue),
        };
        // Only the calls the harness creates: no random generator.
        options.Simulation.Enabled = false;
        if (PortRange.Range is not null)
        {
            options.Urls = $"http://127.0.0.1:{PortRange.FreePort().ToString(CultureInfo.InvariantCulture)}";
        }
        // Seeding 10,000 calls queues their IncomingCalls faster than the app answers them (16 workflow requests at a
        // time): an unanswered call must not stop ringing after the default 30 s.
        options.Simulation.AnswerTimeout = TimeSpan.FromMinutes(10);
        if (eventDelay is { } delay)
        {
            options.Simulation.EventDelay = delay;
        }
        var emulator = await EmulatorHost.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
        try
        {
            var port = PortRange.FreePort();
            var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            emulator.AttachApp(address);
            var home = workspace.NewHome(name);
            var environment = new Dictionary<string, string>(HarnessSettings)
            {
                // Smoke only: the first re-read of new calls comes within a second, so the wait for it after seeding is short.
                ["Calls:MaintenanceInterval"] = HarnessMode.Smoke ? "00:00:01" : "00:00:05",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Logging:Console:FormatterName"] = "simple",
                ["Security:KeyPath"] = Path.Combine(home, "keys"),
                ["Audit:SqlitePath"] = Path.Combine(home, "audit.db"),
                ["EventLog:SqlitePath"] = Path.Combine(home, "journal.db"),
                ["Emulator:Enabled"] = "false",
                ["Acs:ConnectionString"] = emulator.ConnectionString,
                ["Acs:CallbackBaseUrl"] = address.ToString(),
                ["Acs:CallbackAuth:Issuer"] = emulator.Issuer,
                ["Acs:CallbackAuth:Audience"] = emulator.ResourceId,
                ["Acs:CallbackAuth:MetadataAddress"] = emulator.OpenIdMetadataAddress.ToString(),
                ["Acs:CallbackAuth:RequireHttpsMetadata"] = "false",
                ["Calls:EventGridKey"] = key,
                ["Graph:BaseUrl"] = emulator.GraphBaseAddress.ToString(),
                ["Graph:StaticBearerToken"] = emulator.GraphToken,
                ["Graph:ClientState"] = emulator.GraphClientState,
                ["AzureAd:Instance"] = emulator.OidcInstance.ToString(),
                ["AzureAd:TenantId"] = emulator.OidcTenantId,
                ["AzureAd:ClientId"] = emulator.OidcClientId,
                ["AzureAd:ClientSecret"] = emulator.OidcClientSecret,
                ["Security:LocalSignIn"] = "true",
            };
            foreach (var (setting, value) in settings ?? new Dictionary<string, string>())
            {
                environment[setting] = value;
            }
            var process = await ChildProcess.StartAsync(Workspace.WebAppDll, ["--urls", address.ToString().TrimEnd('/')], home, environment);
            Console.WriteLine($"  started the app ({name}) at {process.BaseAddress} (pid {process.ProcessId}), emulator at {emulator.BaseAddress}");
            return new AppUnderTest(emulator, process);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>A signed-in session (Max Manager: Supervisor, Auditor and Administrator, so it may mute).</summary>
    public Task<CookieContainer> SignInAsync() => OidcSignIn.SignInAsync(BaseAddress, OidcSignIn.Manager);

    /// <summary>
    /// A hub client on a new signed-in session; no automatic reconnect (a drop must fail the round, not hide in it).
    /// <c>via</c>: another address of the app to connect through (a <see cref="SlowLink"/>); the app's own when null.
    /// </summary>
    public async Task<CallsHubClient> ConnectHubAsync(CookieContainer? session = null, Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions>? configure = null, bool wholeSnapshot = true, CallsHubProtocol protocol = CallsHubProtocol.Json, Uri? via = null)
    {
        session ??= await SignInAsync();
        return await CallsHubClient.ConnectAsync(via ?? BaseAddress, new CallsHubClientOptions
        {
            AutomaticReconnect = false,
            WaitForWholeSnapshot = wholeSnapshot,
            Protocol = protocol,
            SnapshotTimeout = TimeSpan.FromMinutes(2),
            ConfigureConnection = http =>
            {
                http.Cookies = session;
                configure?.Invoke(http);
            },
        });
    }

    /// <summary>The app's output so far (last lines), for failure messages.</summary>
    public string Output => _process.Output;

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Admin.Dispose();
        await Emulator.DisposeAsync();
    }
}
