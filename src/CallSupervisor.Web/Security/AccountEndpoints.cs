using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CallSupervisor.Web.Security;

/// <summary>
/// The small account surface Identity.Web.UI would provide: sign in (a challenge to the identity provider, back
/// to a local page only), sign out (a form post with an anti-forgery token, ending the provider's session too).
/// </summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";

    /// <summary>The requests of a sign-in: its start here, the identity provider's answer to Identity.Web, and a screen's device sign-in.</summary>
    public static bool IsSignIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments(DeviceSignInEndpoints.Path, StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/signin-oidc", StringComparison.OrdinalIgnoreCase);
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").AllowAnonymous();
        account.MapGet("/sign-in", (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) },
                [OpenIdConnectDefaults.AuthenticationScheme]));
        account.MapPost("/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign-out refused", detail: "The form is missing its anti-forgery token; reload the page and try again.");
            }
            return Results.SignOut(
                new AuthenticationProperties { RedirectUri = "/account/signed-out" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).DisableAntiforgery();
        endpoints.MapDeviceSignIn();
        return endpoints;
    }

    /// <summary>
    /// Only a path on this site, else "/": it starts with one "/" (never "//host" or "/\host") and holds no control
    /// character at all — browsers drop tabs and line breaks from a URL, so "/\t/evil.example" is "//evil.example" to
    /// them, and a line break in a Location header makes the server fail. The rule of ASP.NET's own local-URL check
    /// (<c>Url.IsLocalUrl</c>), without its "~/" form, which means nothing here.
    /// </summary>
    public static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url
            : "/";
}
