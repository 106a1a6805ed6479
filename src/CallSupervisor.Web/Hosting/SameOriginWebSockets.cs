namespace CallSupervisor.Web.Hosting;

/// <summary>
/// Refuses cross-site connections to the SignalR endpoints (the calls hub and Blazor's circuit hub). Browsers
/// send an Origin header on WebSocket and negotiate requests, and CORS does not protect WebSockets, so without
/// this a page on another site could open a connection in a supervisor's browser and invoke actions.
/// Clients that send no Origin (scripts, wallboards, tests) are not browsers and are let through.
/// </summary>
internal static class SameOriginWebSockets
{
    private static readonly string[] Protected = ["/hubs", "/_blazor"];

    public static IApplicationBuilder UseSameOriginForHubs(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (Protected.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin
            && !IsSameOrigin(origin, context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await next(context);
    });

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
