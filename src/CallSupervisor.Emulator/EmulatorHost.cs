using System.Net;
using CallSupervisor.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Emulator;

/// <summary>
/// A running ACS Call Automation + Microsoft Graph emulator on its own Kestrel server (loopback only). Feed
/// <see cref="ConnectionString"/>, <see cref="ResourceId"/>, <see cref="Issuer"/>, <see cref="OpenIdMetadataAddress"/>,
/// <see cref="GraphBaseAddress"/>, <see cref="GraphToken"/> and <see cref="GraphClientState"/> into the app's
/// configuration, then call <see cref="AttachApp"/> once the app listens: nothing is posted to the app before that.
/// For sign-in, the Oidc* members give Identity.Web's Instance, TenantId, ClientId and ClientSecret of the
/// development OpenID Connect provider on the same server.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorRuntime _runtime;
    private int _disposed;

    private EmulatorHost(WebApplication app, EmulatorRuntime runtime, Uri baseAddress)
    {
        _app = app;
        _runtime = runtime;
        BaseAddress = baseAddress;
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:5190/</c> (with a trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The base64 HMAC access key requests must be signed with.</summary>
    public string AccessKey => _runtime.Secrets.AccessKey;

    /// <summary><c>endpoint={BaseAddress};accesskey={AccessKey}</c>, like an ACS connection string.</summary>
    public string ConnectionString => $"endpoint={BaseAddress};accesskey={AccessKey}";

    /// <summary>The audience (<c>aud</c>) of callback JWTs: the ACS resource's immutable id.</summary>
    public string ResourceId => _runtime.Tokens.Audience;

    /// <summary>The issuer (<c>iss</c>) of callback JWTs.</summary>
    public string Issuer => _runtime.Tokens.Issuer;

    /// <summary>OpenID metadata whose <c>jwks_uri</c> serves the callback signing key.</summary>
    public Uri OpenIdMetadataAddress => new(BaseAddress, MetadataEndpoints.OpenIdPath);

    /// <summary>The Graph root, <c>{BaseAddress}graph/v1.0/</c>.</summary>
    public Uri GraphBaseAddress => new(BaseAddress, "graph/v1.0/");

    /// <summary>The bearer token Graph requests must carry.</summary>
    public string GraphToken => _runtime.Secrets.GraphToken;

    /// <summary>The clientState of every Graph notification.</summary>
    public string GraphClientState => _runtime.Secrets.GraphClientState;

    /// <summary>Whether the development OpenID Connect provider runs (<c>Emulator:Oidc:Enabled</c>); the Oidc* members throw when it does not.</summary>
    public bool OidcEnabled => _runtime.Oidc is not null;

    /// <summary>Identity.Web's <c>Instance</c>: the emulator's base address with its trailing slash, e.g. <c>http://127.0.0.1:5190/</c>.</summary>
    public Uri OidcInstance => Oidc.Instance;

    /// <summary>Identity.Web's <c>TenantId</c> (the <c>tid</c> claim).</summary>
    public string OidcTenantId => Oidc.TenantId;

    /// <summary>Identity.Web's <c>ClientId</c>: the audience of the id token.</summary>
    public string OidcClientId => Oidc.ClientId;

    /// <summary>Identity.Web's <c>ClientSecret</c>: the configured one, or random per start.</summary>
    public string OidcClientSecret => Oidc.ClientSecret;

    /// <summary><c>{OidcInstance}{OidcTenantId}/v2.0</c>: the authority Identity.Web builds and, as a string, exactly the tokens' issuer.</summary>
    public string OidcAuthority => Oidc.Authority;

    /// <summary>The discovery document, <c>{OidcAuthority}/.well-known/openid-configuration</c>.</summary>
    public Uri OidcMetadataAddress => new(Oidc.Url(Emulator.Oidc.OidcPaths.Discovery(Oidc.TenantId)));

    /// <summary>The token endpoint, where daemon apps (<c>Emulator:Oidc:Apps</c>) get app-only tokens by client credentials.</summary>
    public Uri OidcTokenEndpoint => new(Oidc.Url(Emulator.Oidc.OidcPaths.Token(Oidc.TenantId)));

    private Emulator.Oidc.OidcProvider Oidc => _runtime.Oidc
        ?? throw new InvalidOperationException("The development OpenID Connect provider is off (Emulator:Oidc:Enabled is false).");

    /// <summary>Where the app listens, once attached.</summary>
    public Uri? AppBaseAddress => _runtime.AppBaseAddress;

    /// <summary>
    /// A callback JWT signed exactly as the emulator signs its own deliveries (RS256, <see cref="Issuer"/>,
    /// <see cref="ResourceId"/> as audience, 5-minute lifetime), for a load driver that posts callbacks itself as ACS would.
    /// </summary>
    public string CreateCallbackToken() => _runtime.Tokens.CreateToken();

    public static Task<EmulatorHost> StartAsync(EmulatorOptions options, ILoggerFactory? loggerFactory, CancellationToken ct) =>
        StartAsync(options, loggerFactory, TimeProvider.System, ct);

    /// <summary>Starts the emulator; <paramref name="timeProvider"/> drives every simulated delay (tests may pass a fake clock).</summary>
    public static async Task<EmulatorHost> StartAsync(
        EmulatorOptions options, ILoggerFactory? loggerFactory, TimeProvider timeProvider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = EmulatorOptionsValidator.GetErrors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(EmulatorOptions.SectionName, typeof(EmulatorOptions), errors);
        }
        loggerFactory ??= NullLoggerFactory.Instance;
        var url = new Uri(options.Urls);

        // An empty builder: the host app's configuration, environment variables (ASPNETCORE_URLS) and logging
        // providers must not leak into the emulator's server.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip))
            {
                kestrel.Listen(ip, url.Port);
            }
            else
            {
                kestrel.ListenLocalhost(url.Port);
            }
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<ILoggerFactory>(new EmulatorLoggerFactory(loggerFactory));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();

        Uri? bound = null;
        var runtime = new EmulatorRuntime(options, EmulatorSecrets.From(options), () => bound!, loggerFactory, timeProvider);
        var app = builder.Build();
        app.UseRouting();
        var faultGate = new FaultGate(runtime.Faults, timeProvider);
        app.MapMetadata(runtime.Tokens, () => bound!);
        app.MapAcs(runtime.Acs, new AcsRequestFilter(
            runtime.Hmac, faultGate, new RepeatabilityCache(), loggerFactory.CreateLogger("CallSupervisor.Emulator.Rest")));
        app.MapGraph(runtime.Graph, runtime.Secrets.GraphToken, faultGate);
        app.MapAdmin(runtime);
        if (runtime.Oidc is { } oidc)
        {
            app.MapOidc(oidc, loggerFactory.CreateLogger("CallSupervisor.Emulator.Oidc"));
        }

        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await runtime.DisposeAsync();
            await app.DisposeAsync();
            throw;
        }
        bound = new Uri(app.Urls.First().TrimEnd('/') + "/");
        var host = new EmulatorHost(app, runtime, bound);
        if (options.AppBaseUrl is { } appBase)
        {
            host.AttachApp(appBase);
        }
        return host;
    }

    /// <summary>
    /// Tells the emulator where the app listens. The Event Grid validation handshake, IncomingCall posts and the random
    /// call generator start only now. Attach once; attaching again to the same address is a no-op.
    /// </summary>
    public void AttachApp(Uri appBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(appBaseAddress);
        if (!EmulatorOptionsValidator.IsLoopbackHttp(appBaseAddress))
        {
            throw new ArgumentException($"The app must listen on an absolute http URL on a loopback address; got '{appBaseAddress}'.", nameof(appBaseAddress));
        }
        if (!_runtime.TryAttach(appBaseAddress))
        {
            throw new InvalidOperationException($"The emulator is already attached to {_runtime.AppBaseAddress}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _runtime.DisposeAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
