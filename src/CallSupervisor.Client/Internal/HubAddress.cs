using CallSupervisor.Contracts;

namespace CallSupervisor.Client.Internal;

internal static class HubAddress
{
    /// <summary>
    /// The hub's URL under the app's base address. The hub path is resolved relative to the base, so an app hosted
    /// under a path prefix (<c>https://host/supervisor/</c>) keeps its prefix, with or without the trailing slash.
    /// </summary>
    public static Uri For(Uri appBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(appBaseAddress);
        if (!appBaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The app's base address must be absolute, e.g. https://supervisor.example.com/.", nameof(appBaseAddress));
        }
        var root = new UriBuilder(appBaseAddress) { Query = "", Fragment = "" };
        if (!root.Path.EndsWith('/'))
        {
            root.Path += "/";
        }
        return new Uri(root.Uri, CallsHubContract.Path.TrimStart('/'));
    }
}
