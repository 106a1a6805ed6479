using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Emulator.Host;

/// <summary>Starts the emulator with the validated options, prints what the app needs, and stops it with the host.</summary>
internal sealed partial class EmulatorService(IOptions<EmulatorOptions> options, ILoggerFactory loggerFactory, ILogger<EmulatorService> logger)
    : IHostedService, IAsyncDisposable
{
    private EmulatorHost? _emulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _emulator = await EmulatorHost.StartAsync(options.Value, loggerFactory, cancellationToken);
        var e = _emulator;
        // Printed plainly (not only logged) so it can be copied into the app's configuration.
        Console.WriteLine($"""
            ACS + Graph emulator listening on {e.BaseAddress}
              ConnectionString      : {e.ConnectionString}
              ResourceId (audience) : {e.ResourceId}
              Issuer                : {e.Issuer}
              OpenID metadata       : {e.OpenIdMetadataAddress}
              Graph base address    : {e.GraphBaseAddress}
              Graph token           : {e.GraphToken}
              Graph clientState     : {e.GraphClientState}
              App                   : {e.AppBaseAddress?.ToString() ?? "(not attached: POST /emulator/attach {\"appBaseUrl\":\"http://127.0.0.1:5180\"})"}
              Admin API             : {e.BaseAddress}emulator/calls
            {SignIn(e)}
            """);
        LogStarted(e.BaseAddress);
    }

    /// <summary>Identity.Web's settings (AzureAd:Instance, TenantId, ClientId, ClientSecret) for the development sign-in.</summary>
    private static string SignIn(EmulatorHost e) => !e.OidcEnabled
        ? "  Sign-in               : off (Emulator:Oidc:Enabled=false)"
        : $"""
              Sign-in Instance      : {e.OidcInstance}
              Sign-in TenantId      : {e.OidcTenantId}
              Sign-in ClientId      : {e.OidcClientId}
              Sign-in ClientSecret  : {e.OidcClientSecret}
              Sign-in authority     : {e.OidcAuthority}
            """;

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _emulator, null) is { } emulator)
        {
            await emulator.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Emulator started on {BaseAddress}")]
    private partial void LogStarted(Uri baseAddress);
}
