using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Callbacks;

/// <summary>
/// The real app in memory with no emulator and no workflow: ACS points at a closed loopback port, so nothing
/// leaves the process. <paramref name="callbackAuth"/> switches ACS callback JWT validation on or off;
/// <paramref name="settings"/> override configuration, <paramref name="services"/> replace services, and
/// <paramref name="environment"/> is the host environment ("Testing" by default).
/// </summary>
public sealed class CallbackAppFactory(
    bool callbackAuth,
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null,
    string environment = "Testing") : WebApplicationFactory<Program>
{
    public const string GraphClientState = "graph-client-state-secret";
    public const string EventGridKey = "event-grid-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Emulator:Enabled", "false");
        builder.UseSetting("Workflow:Enabled", "false");
        builder.UseSetting("Acs:ConnectionString", "endpoint=http://127.0.0.1:9/;accesskey=" + Convert.ToBase64String(new byte[32]));
        builder.UseSetting("Acs:CallbackBaseUrl", "http://127.0.0.1:9/");
        builder.UseSetting("Acs:CallbackAuth:Enabled", callbackAuth ? "true" : "false");
        builder.UseSetting("Acs:CallbackAuth:Audience", "00000000-0000-0000-0000-000000000001");
        builder.UseSetting("Acs:CallbackAuth:MetadataAddress", "http://127.0.0.1:9/calling/.well-known/acsopenidconfiguration");
        builder.UseSetting("Acs:CallbackAuth:RequireHttpsMetadata", "false");
        builder.UseSetting("Graph:StaticBearerToken", "token");
        builder.UseSetting("Graph:ClientState", GraphClientState);
        builder.UseSetting("Calls:MaxCallbackBytes", "4096");
        builder.UseSetting("Calls:EventGridKey", EventGridKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
