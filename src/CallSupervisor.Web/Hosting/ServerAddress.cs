using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CallSupervisor.Web.Hosting;

/// <summary>Where this server listens, as a peer on this machine reaches it (the callback address without a configured URL).</summary>
public static class ServerAddress
{
    /// <summary>
    /// The server's own address as a peer on this machine reaches it: the first http address, with wildcard and
    /// localhost hosts (Kestrel reports "http://[::]:5180", "http://+:80", "http://localhost:5180" as given)
    /// mapped to 127.0.0.1.
    /// </summary>
    public static Uri ListeningAddress(IServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
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
