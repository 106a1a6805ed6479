using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace CallSupervisor.Web.Security;

/// <summary>
/// App-only access tokens (OAuth client credentials) for screens and scripts without a person, validated by
/// Identity.Web's JWT bearer support on the same <c>AzureAd</c> registration as the sign-in: audience the app's client
/// id or <c>api://{client id}</c>, issuer the tenant's, roles from the token. A request that carries a token is
/// authenticated by it alone; every other request keeps the cookie session and the OpenID Connect sign-in.
/// </summary>
public static class AppTokenSetup
{
    /// <summary>The default scheme: forwards each request to the bearer scheme or to the cookie session (see <see cref="Select"/>).</summary>
    public const string SelectorScheme = "CallSupervisor";

    /// <summary>The default challenge: the bearer scheme's 401, or the OpenID Connect sign-in.</summary>
    public const string ChallengeSelectorScheme = "CallSupervisor.Challenge";

    public const string AccessTokenParameter = "access_token";

    public static void AddAppTokens(this AuthenticationBuilder authentication, IConfigurationSection section, bool localSignIn)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(section);
        authentication.AddMicrosoftIdentityWebApi(section, JwtBearerDefaults.AuthenticationScheme);
        // Two selectors because a session is read from the cookie but started by OpenID Connect. (OpenID Connect as
        // the authenticate scheme would accept only cookies it issued itself, not a screen's device session.)
        authentication.AddPolicyScheme(SelectorScheme, "Session or app token", options =>
            options.ForwardDefaultSelector = context => Select(context, CookieAuthenticationDefaults.AuthenticationScheme));
        authentication.AddPolicyScheme(ChallengeSelectorScheme, "Sign-in or app token", options =>
            options.ForwardDefaultSelector = context => Select(context, OpenIdConnectDefaults.AuthenticationScheme));
        var services = authentication.Services;
        // Identity.Web refuses a token with neither scopes nor roles before authorization runs (401). Authorization
        // decides here instead, so an app the tenant granted no board role gets 403 like a user without one.
        services.Configure<MicrosoftIdentityOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.AllowWebApiToBeAuthorizedByACL = true);
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            if (localSignIn)
            {
                // As for the sign-in (SignInSetup): the local provider speaks http and is not Entra, whose issuer
                // validator fetches Entra's metadata over https on its own.
                options.RequireHttpsMetadata = false;
                options.TokenValidationParameters.IssuerValidator = null;
                options.TokenValidationParameters.ValidIssuer = $"{section["Instance"]?.TrimEnd('/')}/{section["TenantId"]}/v2.0";
            }
            var received = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = async context =>
            {
                await received(context);
                context.Token ??= await TokenOutsideTheHeaderAsync(context.Request);
            };
        });
    }

    /// <summary>
    /// Bearer when the request carries a token: in the Authorization header, or in the query string of a hub request
    /// (browsers cannot set headers on WebSockets and server-sent events, so SignalR's JS client sends it there).
    /// Otherwise <paramref name="otherwise"/>: the cookie session, or OpenID Connect to challenge.
    /// </summary>
    public static string Select(HttpContext context, string otherwise)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (IsHub(request) && request.Query.ContainsKey(AccessTokenParameter))
            ? JwtBearerDefaults.AuthenticationScheme
            : otherwise;
    }

    private static bool IsHub(HttpRequest request) =>
        request.PathBase.Add(request.Path).StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    // Only where a header cannot be sent: the hubs (query string) and the device sign-in (query or form). Anywhere
    // else a token in a URL would end up in logs and browser histories for nothing.
    private static async Task<string?> TokenOutsideTheHeaderAsync(HttpRequest request)
    {
        if (IsHub(request) || request.Path.StartsWithSegments(DeviceSignInEndpoints.Path, StringComparison.OrdinalIgnoreCase))
        {
            if (request.Query[AccessTokenParameter] is { Count: 1 } query && query[0] is { Length: > 0 } fromQuery)
            {
                return fromQuery;
            }
            if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                return form[AccessTokenParameter] is { Count: 1 } field && field[0] is { Length: > 0 } fromForm ? fromForm : null;
            }
        }
        return null;
    }
}
