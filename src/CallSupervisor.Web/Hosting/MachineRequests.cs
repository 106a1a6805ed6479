namespace CallSupervisor.Web.Hosting;

/// <summary>
/// Requests from programs rather than a person at a page: the service callbacks and other APIs, the SignalR hubs
/// (including the Blazor circuit's own), health probes and the audit export. They get status codes and problem
/// details — never a sign-in redirect or an HTML error page they cannot follow.
/// </summary>
public static class MachineRequests
{
    private static readonly PathString[] Paths = ["/api", "/hubs", "/_blazor", "/health", "/audit/export"];
    private static readonly PathString[] ServicePaths = ["/api/callbacks", "/health"];

    // PathBase too: Blazor serves its circuit hub from a branch, which moves "/_blazor" into PathBase.
    public static bool Is(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.PathBase.Add(request.Path);
        return Paths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Requests that never carry a signed-in user: the ACS, Event Grid and Graph callbacks (they prove their origin
    /// themselves) and the health probes. Sign-in (the OpenID Connect and cookie handlers) is not run for them, so
    /// trouble with the identity provider or its settings cannot take them down.
    /// </summary>
    public static bool IsService(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.PathBase.Add(request.Path);
        return ServicePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
    }
}
