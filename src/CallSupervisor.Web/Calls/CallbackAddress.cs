using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CallSupervisor.Web.Calls;

/// <summary>
/// Where ACS should send this app's callbacks: the configured public base URL (behind a proxy or tunnel for
/// real ACS), or else the address the server actually listens on (the embedded emulator's case, where the
/// port is only known after start).
/// </summary>
public sealed class CallbackAddress(IServer server, Uri? configuredBaseUrl)
{
    public const string AcsPath = "api/callbacks/acs";
    public const string IncomingPath = "api/callbacks/incoming";
    public const string GraphPath = "api/callbacks/graph";

    public Uri BaseUrl => configuredBaseUrl ?? ListeningAddress(server);

    // Appended, not resolved: a base with a path (https://host/supervisor) must keep it.
    public Uri AcsCallbackUri => new(BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + AcsPath);

    /// <summary>
    /// The server's own address as a peer on this machine reaches it: the first http address, with wildcard and
    /// localhost hosts (Kestrel reports "http://[::]:5180", "http://+:80", "http://localhost:5180" as given)
    /// mapped to 127.0.0.1.
    /// </summary>
    public static Uri ListeningAddress(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no listening address yet; set Acs:CallbackBaseUrl.");
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "[::]" or "0.0.0.0" or "localhost" or "[::1]")
        {
            uri.Host = "127.0.0.1";
        }
        uri.Path = "/";
        return uri.Uri;
    }
}
