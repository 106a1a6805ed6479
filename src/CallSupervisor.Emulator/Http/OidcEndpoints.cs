using System.Text;
using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Oidc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace CallSupervisor.Emulator.Http;

/// <summary>
/// The development OpenID Connect provider under <c>/{tenant}</c>, laid out as Entra ID v2.0: discovery, keys,
/// authorize (GET shows the user picker, POST issues the code), token and logout. Anonymous, like Entra's.
/// </summary>
internal static partial class OidcEndpoints
{
    public static void MapOidc(this IEndpointRouteBuilder app, OidcProvider provider, ILogger logger)
    {
        var tenant = provider.TenantId;
        app.MapGet("/" + OidcPaths.Discovery(tenant), () => Json(OidcDiscovery.Document(provider)));
        app.MapGet("/" + OidcPaths.Keys(tenant), () => Json(provider.Jwks()));
        app.MapGet("/" + OidcPaths.Authorize(tenant), (HttpContext c) => ShowSignIn(c, provider, logger));
        app.MapPost("/" + OidcPaths.Authorize(tenant), Async(c => SignInAsync(c, provider, logger)));
        app.MapPost("/" + OidcPaths.Token(tenant), Async(c => OidcTokenEndpoint.RedeemAsync(c, provider, logger)));
        app.MapGet("/" + OidcPaths.Logout(tenant), (HttpContext c) => Logout(c, provider, logger));
    }

    /// <summary>Typed as a route handler (not a RequestDelegate) so the returned result is written.</summary>
    private static Delegate Async(Func<HttpContext, Task<IResult>> handler) => handler;

    private static IResult ShowSignIn(HttpContext context, OidcProvider provider, ILogger logger)
    {
        var query = context.Request.Query;
        var (request, error) = AuthorizationRequest.Parse(name => query[name], provider);
        if (request is null)
        {
            LogRefused(logger, error!);
            return OidcPages.Refused(StatusCodes.Status400BadRequest, error!);
        }
        return OidcPages.SignIn(provider, request, name => query[name] is { Count: 1 } v ? v.ToString() : null, context.Request.Path);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, OidcProvider provider, ILogger logger)
    {
        if (!context.Request.HasFormContentType)
        {
            return OidcPages.Refused(StatusCodes.Status400BadRequest, "The sign-in form must be posted as application/x-www-form-urlencoded.");
        }
        if (!IsFromOwnPage(context.Request))
        {
            LogRefused(logger, $"sign-in form posted from another site (Origin '{context.Request.Headers.Origin}', Sec-Fetch-Site '{context.Request.Headers["Sec-Fetch-Site"]}')");
            return OidcPages.Refused(StatusCodes.Status403Forbidden, "The sign-in form must be posted from the provider's own page.");
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (request, error) = AuthorizationRequest.Parse(name => form[name], provider);
        if (request is null)
        {
            LogRefused(logger, error!);
            return OidcPages.Refused(StatusCodes.Status400BadRequest, error!);
        }
        if (form.ContainsKey("cancel"))
        {
            return Answer(request, [new("error", "access_denied"), new("error_description", "The user cancelled the sign-in.")]);
        }
        if (provider.FindUser(form["user_id"].ToString()) is not { } user)
        {
            return OidcPages.Refused(StatusCodes.Status400BadRequest, "Choose one of the demo users listed on the sign-in page.");
        }
        var code = provider.Codes.Issue(request, user);
        LogSignedIn(logger, user.Name, string.Join(", ", user.Roles), request.RedirectUri);
        return Answer(request, [new("code", code)]);
    }

    /// <summary>Back to the (validated) redirect URI, with <c>state</c> as the client sent it.</summary>
    private static IResult Answer(AuthorizationRequest request, List<KeyValuePair<string, string>> fields)
    {
        if (request.State is { } state)
        {
            fields.Add(new("state", state));
        }
        return request.ResponseMode == AuthorizationRequest.FormPost
            ? OidcPages.FormPost(request.RedirectUri, fields)
            : Redirect(QueryHelpers.AddQueryString(request.RedirectUri, fields.Select(f => new KeyValuePair<string, StringValues>(f.Key, f.Value))));
    }

    private static IResult Logout(HttpContext context, OidcProvider provider, ILogger logger)
    {
        var query = context.Request.Query;
        var target = query["post_logout_redirect_uri"];
        if (target.Count == 0)
        {
            return OidcPages.SignedOut();
        }
        if (target.Count > 1 || !provider.IsAllowedRedirectUri(target.ToString()))
        {
            LogRefused(logger, $"post_logout_redirect_uri '{target}'");
            return OidcPages.Refused(StatusCodes.Status400BadRequest,
                $"post_logout_redirect_uri '{target}' is not allowed: it must be an absolute http(s) URL without fragment on localhost or a loopback address, or one of Emulator:Oidc:RedirectUris.");
        }
        // There is no session to end: the provider remembers nobody, so signing out only returns to the app.
        var uri = query["state"] is { Count: 1 } state ? QueryHelpers.AddQueryString(target.ToString(), "state", state.ToString()) : target.ToString();
        return Redirect(uri);
    }

    /// <summary>
    /// A browser says where a form post comes from (Origin, Sec-Fetch-Site): only the provider's own page may post the
    /// sign-in form, so another site cannot sign a visitor in as a demo user. Clients that send neither (tests) pass.
    /// </summary>
    private static bool IsFromOwnPage(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return (origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
            && (site.Length == 0 || site is "same-origin" or "none");
    }

    private static IResult Redirect(string uri) => new ApiResult(StatusCodes.Status302Found, null, new Dictionary<string, string>
    {
        ["Location"] = uri,
        ["Cache-Control"] = "no-store",
    });

    internal static ApiResult Json(JsonObject body, int status = StatusCodes.Status200OK, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, Encoding.UTF8.GetBytes(body.ToJsonString()), headers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development sign-in: {User} ({Roles}) returns to {RedirectUri}")]
    private static partial void LogSignedIn(ILogger logger, string user, string roles, string redirectUri);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development sign-in refused: {Reason}")]
    internal static partial void LogRefused(ILogger logger, string reason);
}
