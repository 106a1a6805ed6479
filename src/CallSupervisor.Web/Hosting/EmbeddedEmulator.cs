using CallSupervisor.Emulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// Starts the ACS/Graph emulator in-process on its own loopback port when <c>Emulator:Enabled</c> is true and no
/// ACS connection string is configured (the zero-configuration default of the Development environment), and
/// points the app's ACS and Graph settings at it. The app then uses the same clients, callback endpoints and
/// JWT validation it uses against the real services. Once the app listens, the emulator is told where to post.
/// </summary>
public static class EmbeddedEmulator
{
    public static async Task<EmbeddedEmulatorHandle?> StartIfEnabledAsync(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!configuration.GetValue<bool>("Emulator:Enabled") || !string.IsNullOrEmpty(configuration["Acs:ConnectionString"]))
        {
            return null;
        }
        var options = configuration.GetSection("Emulator").Get<EmulatorOptions>() ?? new EmulatorOptions();
        var failures = new EmulatorOptionsValidator().Validate(null, options);
        if (failures.Failed)
        {
            throw new OptionsValidationException("Emulator", typeof(EmulatorOptions), failures.Failures);
        }
        // The emulator plays Event Grid too: it posts to the webhook URL with the key, as a subscription would.
        var eventGridKey = configuration["Calls:EventGridKey"] is { Length: >= 16 } configured
            ? configured
            : Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        options.EventGridPath = $"{options.EventGridPath.TrimEnd('/')}?key={Uri.EscapeDataString(eventGridKey)}";
        // An ACS-only app (Graph:Enabled=false) has no Graph endpoint: the emulator then simulates ACS calls only.
        var graph = Telephony.TelephonyServiceCollectionExtensions.IsGraphEnabled(configuration);
        if (!graph)
        {
            options.Simulation.GraphCallShare = 0;
        }
        var loggerFactory = CreateLoggerFactory(configuration);
        var emulator = await EmulatorHost.StartAsync(options, loggerFactory, CancellationToken.None);

        // In-memory settings are added last, so they win over the files for these keys only.
        var settings = new Dictionary<string, string?>
        {
            ["Acs:ConnectionString"] = emulator.ConnectionString,
            ["Acs:CallbackAuth:Issuer"] = emulator.Issuer,
            ["Acs:CallbackAuth:Audience"] = emulator.ResourceId,
            ["Acs:CallbackAuth:MetadataAddress"] = emulator.OpenIdMetadataAddress.ToString(),
            ["Acs:CallbackAuth:RequireHttpsMetadata"] = "false",
            ["Calls:EventGridKey"] = eventGridKey,
        };
        // Sign-in on the real code path: Identity.Web against the emulator's OpenID Connect provider, unless an
        // identity provider is configured.
        string? demoUsers = null;
        string? demoApps = null;
        if (emulator.OidcEnabled && string.IsNullOrEmpty(configuration["AzureAd:ClientId"]))
        {
            var users = options.Oidc.Users is { Count: > 0 } listed ? listed : OidcOptions.CreateDemoUsers();
            demoUsers = string.Join(", ", users.Select(u => $"{u.Name} ({string.Join(", ", u.Roles)})"));
            if (options.Oidc.Apps.Count > 0)
            {
                demoApps = string.Join(", ", options.Oidc.Apps.Select(a => $"{a.ClientId} ({string.Join(", ", a.Roles)})")) + " at " + emulator.OidcTokenEndpoint;
            }
            settings["AzureAd:Instance"] = emulator.OidcInstance.ToString();
            settings["AzureAd:TenantId"] = emulator.OidcTenantId;
            settings["AzureAd:ClientId"] = emulator.OidcClientId;
            settings["AzureAd:ClientSecret"] = emulator.OidcClientSecret;
            settings["Security:LocalSignIn"] = "true";
        }
        if (graph)
        {
            settings["Graph:BaseUrl"] = emulator.GraphBaseAddress.ToString();
            settings["Graph:StaticBearerToken"] = emulator.GraphToken;
            settings["Graph:ClientState"] = emulator.GraphClientState;
        }
        configuration.AddInMemoryCollection(settings);
        return new EmbeddedEmulatorHandle(emulator, loggerFactory, demoUsers, demoApps);
    }

    /// <summary>Attaches the emulator to the app's own address once the server listens.</summary>
    public static void AttachWhenStarted(this EmbeddedEmulatorHandle handle, WebApplication app)
    {
        var emulator = handle.Host;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EmbeddedEmulator));
            if (handle.DemoUsers is { } users)
            {
                // What a newcomer needs after `dotnet run`: who to sign in as.
                logger.LogInformation("Demo sign-in is on (the emulator's identity provider): pick {Users} on its page", users);
            }
            if (handle.DemoApps is { } apps)
            {
                // Screens and scripts: where to get an app-only token (README: "Screens and scripts without a person").
                logger.LogInformation("App-only tokens (client credentials) for screens and scripts: {Apps}", apps);
            }
            if (emulator.AppBaseAddress is { } configured)
            {
                // Emulator:AppBaseUrl attached it at start already.
                logger.LogInformation("Embedded ACS/Graph emulator at {Emulator} posts to {App}", emulator.BaseAddress, configured);
                return;
            }
            var address = ServerAddress.ListeningAddress(app.Services.GetRequiredService<IServer>());
            if (address.Scheme != Uri.UriSchemeHttp)
            {
                logger.LogWarning("The embedded emulator posts over plain http; the app listens on {Address} only, so it runs without callbacks", address);
                return;
            }
            emulator.AttachApp(address);
            logger.LogInformation("Embedded ACS/Graph emulator at {Emulator} posts to {App}", emulator.BaseAddress, address);
        });
    }

    // The emulator logs through the app's logging configuration; the factory is disposed with the emulator.
    private static ILoggerFactory CreateLoggerFactory(IConfiguration configuration) =>
        LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
}

/// <summary>The embedded emulator and the logger factory it writes to, disposed together with the app.</summary>
public sealed class EmbeddedEmulatorHandle(EmulatorHost host, ILoggerFactory loggerFactory, string? demoUsers = null, string? demoApps = null) : IAsyncDisposable
{
    public EmulatorHost Host { get; } = host;

    /// <summary>The demo users of the emulator's sign-in, with their roles, when the app signs in there; else null.</summary>
    public string? DemoUsers { get; } = demoUsers;

    /// <summary>The daemon apps that get app-only tokens, with their roles and the token endpoint; null when none.</summary>
    public string? DemoApps { get; } = demoApps;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        loggerFactory.Dispose();
    }
}
