using System.Security.Cryptography;
using CallSupervisor.Emulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The ACS/Graph emulator in the test process, for tests where it must outlive the app (a restart) or serve several
/// instances: the apps are pointed at it by configuration (<see cref="AppSettings"/>), exactly as at real ACS, and it
/// posts Event Grid and Graph notifications to the address it is attached to (an app or the load balancer).
/// Callback deliveries are retried for about a minute, as ACS retries, so callbacks during a restart are not lost.
/// </summary>
public sealed class ExternalEmulator : IAsyncDisposable
{
    private readonly string _eventGridKey;

    private ExternalEmulator(EmulatorHost host, string eventGridKey)
    {
        Host = host;
        _eventGridKey = eventGridKey;
        Admin = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public EmulatorHost Host { get; }

    /// <summary>The emulator's admin API (scenarios, faults, its view of the calls).</summary>
    public HttpClient Admin { get; }

    public static async Task<ExternalEmulator> StartAsync(bool simulation, int concurrentCalls = 8)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var options = new EmulatorOptions
        {
            EventGridPath = "api/callbacks/incoming?key=" + key,
            CallbackRetryCount = 8,
            CallbackRetryBaseDelay = TimeSpan.FromMilliseconds(250),
        };
        options.Simulation.Enabled = simulation;
        options.Simulation.TargetConcurrentCalls = concurrentCalls;
        var host = await EmulatorHost.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
        return new ExternalEmulator(host, key);
    }

    /// <summary>What an app needs to run against this emulator; callbacks go to <paramref name="callbackBase"/> (an app or the balancer).</summary>
    public Dictionary<string, string> AppSettings(Uri callbackBase) => new()
    {
        ["Emulator:Enabled"] = "false",
        ["Acs:ConnectionString"] = Host.ConnectionString,
        ["Acs:CallbackBaseUrl"] = callbackBase.ToString(),
        ["Acs:CallbackAuth:Issuer"] = Host.Issuer,
        ["Acs:CallbackAuth:Audience"] = Host.ResourceId,
        ["Acs:CallbackAuth:MetadataAddress"] = Host.OpenIdMetadataAddress.ToString(),
        ["Acs:CallbackAuth:RequireHttpsMetadata"] = "false",
        ["Calls:EventGridKey"] = _eventGridKey,
        ["Graph:BaseUrl"] = Host.GraphBaseAddress.ToString(),
        ["Graph:StaticBearerToken"] = Host.GraphToken,
        ["Graph:ClientState"] = Host.GraphClientState,
        ["AzureAd:Instance"] = Host.OidcInstance.ToString(),
        ["AzureAd:TenantId"] = Host.OidcTenantId,
        ["AzureAd:ClientId"] = Host.OidcClientId,
        ["AzureAd:ClientSecret"] = Host.OidcClientSecret,
        ["Security:LocalSignIn"] = "true",
    };

    public void Attach(Uri target) => Host.AttachApp(target);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
    }
}
