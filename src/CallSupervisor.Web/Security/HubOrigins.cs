using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Security;

/// <summary>
/// Refuses cross-site connections to the SignalR endpoints (the calls hub and Blazor's circuit hub). Browsers send
/// an Origin header on WebSocket and negotiate requests, and CORS does not protect WebSockets, so without this a page
/// on another site could open a connection in a supervisor's browser. Allowed: the app's own origin — the request's
/// scheme and Host, which host filtering (<c>AllowedHosts</c>) has already vouched for — and the origins listed in
/// <c>Security:AllowedOrigins</c>. Clients that send no Origin (scripts, wallboards, tests) are not browsers; they
/// still need to be signed in.
/// </summary>
public static class HubOrigins
{
    private static readonly PathString[] Protected = ["/hubs", "/_blazor"];

    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.PathBase.Add(context.Request.Path);
        if (Protected.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin
            && !IsAllowed(origin, context.Request, context.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await next(context);
    });

    public static bool IsAllowed(string origin, HttpRequest request, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var own = string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        return own || options.AllowedOrigins.Any(allowed =>
            Uri.TryCreate(allowed, UriKind.Absolute, out var listed)
            && string.Equals(listed.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase));
    }
}
