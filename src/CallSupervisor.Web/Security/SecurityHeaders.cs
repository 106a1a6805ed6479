namespace CallSupervisor.Web.Security;

/// <summary>
/// Headers every response carries. The Content-Security-Policy is what Blazor Server and MudBlazor work under: scripts
/// only from this site (no inline script, no eval), styles from this site plus inline styles (MudBlazor sets style
/// attributes and its theme is a style element), WebSockets to this site, forms posting only to this site and to the
/// identity provider (sign-out continues there), and no framing.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var policy = ContentSecurityPolicy(configuration);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    public static string ContentSecurityPolicy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var identityProvider = Uri.TryCreate(configuration[$"{SignInSetup.SectionName}:Instance"], UriKind.Absolute, out var instance)
            ? " " + instance.GetLeftPart(UriPartial.Authority)
            : "";
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'" + identityProvider);
    }
}
