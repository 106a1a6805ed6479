using CallSupervisor.Testing;
using CallSupervisor.Web.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Callbacks;

/// <summary>
/// The real app in memory with no emulator and no workflow: ACS points at a closed loopback port, so nothing
/// leaves the process. <paramref name="callbackAuth"/> switches ACS callback JWT validation on or off;
/// <paramref name="settings"/> override configuration, <paramref name="services"/> replace services, and
/// <paramref name="environment"/> is the host environment (Development by default: outside it the app refuses to
/// start with callback authentication off). Requests are signed in as <paramref name="user"/> with
/// <paramref name="roles"/> (a Supervisor by default; null: anonymous) through <see cref="TestSignIn"/>.
/// </summary>
public sealed class CallbackAppFactory(
    bool callbackAuth,
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null,
    string environment = "Development",
    string? user = "Sam Supervisor",
    string[]? roles = null) : WebApplicationFactory<Program>
{
    public const string GraphClientState = "graph-client-state-secret";
    public const string EventGridKey = "event-grid-key-0123456789";

    // Each app has its own keys and audit database, removed with it.
    private readonly string _data = Path.Combine(Path.GetTempPath(), "callsupervisor-web-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The call once <paramref name="condition"/> holds for it in the app's store: checked on the current state, then at
    /// each change batch (callbacks are applied after they are acknowledged). Generous, for a loaded machine.
    /// </summary>
    public async Task<Call> WaitForCallAsync(string callId, Func<Call, bool> condition)
    {
        var store = Services.GetRequiredService<CallStore>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var subscription = store.Subscribe(cts.Token);
        if (subscription.Initial.Find(new CallId(callId)) is { } now && condition(now))
        {
            return now;
        }
        await foreach (var batch in subscription.Changes)
        {
            if (batch.State.Find(new CallId(callId)) is { } call && condition(call))
            {
                return call;
            }
        }
        throw new TimeoutException($"call {callId}: state not reached");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: never created (the app did not start), or SQLite still holds the file for a moment.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Emulator:Enabled", "false");
        builder.UseSetting("Workflow:Enabled", "false");
        builder.UseSetting("Acs:ConnectionString", "endpoint=http://127.0.0.1:9/;accesskey=" + Convert.ToBase64String(new byte[32]));
        builder.UseSetting("Acs:CallbackBaseUrl", "https://127.0.0.1:9/");
        builder.UseSetting("Acs:CallbackAuth:Enabled", callbackAuth ? "true" : "false");
        builder.UseSetting("Acs:CallbackAuth:Audience", "00000000-0000-0000-0000-000000000001");
        builder.UseSetting("Acs:CallbackAuth:MetadataAddress", "http://127.0.0.1:9/calling/.well-known/acsopenidconfiguration");
        builder.UseSetting("Acs:CallbackAuth:RequireHttpsMetadata", "false");
        builder.UseSetting("Graph:StaticBearerToken", "token");
        builder.UseSetting("Graph:ClientState", GraphClientState);
        builder.UseSetting("Calls:MaxCallbackBytes", "4096");
        builder.UseSetting("Calls:EventGridKey", EventGridKey);
        builder.UseSetting("AllowedHosts", "localhost");
        builder.UseSetting("AzureAd:Instance", "https://127.0.0.1:9/");
        builder.UseSetting("AzureAd:TenantId", "tenant");
        builder.UseSetting("AzureAd:ClientId", "client");
        builder.UseSetting("AzureAd:ClientSecret", "secret");
        builder.UseSetting("Security:KeyPath", Path.Combine(_data, "keys"));
        builder.UseSetting("Audit:SqlitePath", Path.Combine(_data, "audit.db"));
        builder.UseSetting("EventLog:SqlitePath", Path.Combine(_data, "journal.db"));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(test =>
        {
            test.AddAuthentication(o =>
                {
                    o.DefaultScheme = TestSignIn.SchemeName;
                    o.DefaultChallengeScheme = TestSignIn.SchemeName;
                    o.DefaultForbidScheme = TestSignIn.SchemeName;
                })
                .AddScheme<TestSignInOptions, TestSignIn>(TestSignIn.SchemeName, o =>
                {
                    o.Name = user;
                    o.Roles = roles ?? [CallSupervisor.Core.Execution.SupervisorRoles.Supervisor];
                });
            services?.Invoke(test);
        });
    }

    /// <summary>
    /// A hub client (long polling through the test server), counted by the app once this returns: the hub pushes
    /// nothing while no client is connected.
    /// </summary>
    public async Task<HubConnection> ConnectHubAsync()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, CallSupervisor.Contracts.CallsHubContract.Path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            })
            .Build();
        await hub.StartAsync();
        var monitor = Services.GetRequiredService<OperationsMonitor>();
        await Eventually.UntilAsync(() => Task.FromResult(monitor.HubClients), n => n == 1, "the hub client counted");
        return hub;
    }
}
