using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using CallSupervisor.Core.Execution;

namespace CallSupervisor.Web.Security;

/// <summary>
/// Sign-in for an unattended screen (a TV running a browser), which cannot send an Authorization header to a page:
/// it brings an app-only token once — <c>GET /account/device?access_token=…&amp;returnUrl=/wallboard</c>, or the same
/// as a form post, which keeps the token out of URLs and logs — and gets a long, sliding session cookie instead.
/// </summary>
public static class DeviceSignInEndpoints
{
    public const string Path = "/account/device";

    /// <summary>Marks a session that a device sign-in created; its value is the app's client id (for revocation).</summary>
    public const string DeviceClaim = "callsupervisor_device";

    /// <summary>The app roles a screen may hold: it watches, it never acts.</summary>
    public static readonly string[] ScreenRoles = [SupervisorRoles.Wallboard, SupervisorRoles.Observer];

    public static IEndpointRouteBuilder MapDeviceSignIn(this IEndpointRouteBuilder endpoints)
    {
        // No anti-forgery token: the token itself is the credential, and a screen posts from a page of its own.
        endpoints.MapGet(Path, (HttpContext context, string? returnUrl) => SignInAsync(context, returnUrl)).AllowAnonymous();
        endpoints.MapPost(Path, async (HttpContext context) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            return await SignInAsync(context, form?["returnUrl"].ToString());
        }).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, string? returnUrl)
    {
        context.Response.Headers.CacheControl = "no-store";
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal.Identity is not ClaimsIdentity token)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return DevicePages.Refused(StatusCodes.Status401Unauthorized, result.Failure is null
                ? "No access token was given. Open this address with ?access_token= followed by an app-only token of the screen's app registration."
                : "The access token is not valid here: it may have expired (tokens last about an hour), be meant for another app, or not be signed by the tenant. Get a new one and try again.");
        }
        // A screen is an app: a user's delegated token (it has scp; idtyp, when the registration asks for it, is "user")
        // must not become a 30-day session that skips the user's own sign-in and its policies.
        if (token.FindFirst("scp") is not null || token.FindFirst("http://schemas.microsoft.com/identity/claims/scope") is not null
            || token.FindFirst("idtyp") is { Value: not "app" })
        {
            return DevicePages.Refused(StatusCodes.Status403Forbidden,
                "This is not an app-only token: a screen signs in with its own app registration's token (client credentials), not a person's.");
        }
        if (!ScreenRoles.Any(result.Principal.IsInRole))
        {
            return DevicePages.Refused(StatusCodes.Status403Forbidden,
                "The app has no screen role: grant its registration the Wallboard (or Observer) app role, with admin consent, then get a new token.");
        }
        var client = token.FindFirst("azp")?.Value ?? token.FindFirst("appid")?.Value ?? "";
        // Only the screen roles travel into the session: an app that may also act (a script with Supervisor) signs a
        // screen in as a screen, which watches and never acts.
        var identity = new ClaimsIdentity(
            token.Claims.Where(c => c.Type != token.RoleClaimType || ScreenRoles.Contains(c.Value, StringComparer.Ordinal)),
            CookieAuthenticationDefaults.AuthenticationScheme, token.NameClaimType, token.RoleClaimType);
        identity.AddClaim(new Claim(DeviceClaim, client));
        var lifetime = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.DeviceSessionLifetime;
        var properties = new AuthenticationProperties
        {
            // Persistent, so a screen restart or a power cut does not sign it out; sliding (the cookie options), so a
            // screen that stays on stays signed in.
            IsPersistent = true,
            AllowRefresh = true,
            ExpiresUtc = DateTimeOffset.UtcNow + lifetime,
        };
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
        return Results.Redirect(AccountEndpoints.LocalOnly(returnUrl is { Length: > 0 } ? returnUrl : "/wallboard"));
    }

    /// <summary>
    /// Refuses a device session whose app is listed in <c>Security:RevokedDevices</c> (client id or object id): the
    /// cookie outlives the token it was made from, so neither the token's expiry nor a new client secret ends it.
    /// </summary>
    public static Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal?.FindFirst(DeviceClaim) is { } device)
        {
            var revoked = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue.RevokedDevices;
            var objectId = context.Principal.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value ?? context.Principal.FindFirst("oid")?.Value;
            if (revoked.Any(r => string.Equals(r, device.Value, StringComparison.OrdinalIgnoreCase) || string.Equals(r, objectId, StringComparison.OrdinalIgnoreCase)))
            {
                context.RejectPrincipal();
                return context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
        }
        return Task.CompletedTask;
    }
}
