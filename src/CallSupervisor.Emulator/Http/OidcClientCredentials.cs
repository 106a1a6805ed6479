using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Oidc;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Emulator.Http;

/// <summary>
/// The client credentials grant (RFC 6749 §4.4) as Entra ID v2.0 answers it: an authenticated daemon app asks for
/// <c>{resource}/.default</c>, where the resource is the web app (its client id or its app id URI
/// <c>api://{client id}</c>), and gets an app-only access token carrying the app roles granted to it.
/// </summary>
internal static class OidcClientCredentials
{
    public const string DefaultScopeSuffix = "/.default";

    public static IResult Issue(IFormCollection form, string clientId, OidcProvider provider, ILogger logger)
    {
        var app = provider.FindApp(clientId);
        if (app is null)
        {
            // The web app's own registration has no app role granted to itself here: only Emulator:Oidc:Apps may.
            return Refuse(logger, "unauthorized_client", $"Client '{clientId}' is not a daemon app (Emulator:Oidc:Apps) and may not use the client credentials grant.");
        }
        var scope = form["scope"].ToString();
        if (scope.Length == 0)
        {
            return Refuse(logger, "invalid_request", $"scope is missing: ask for '{provider.ClientId}{DefaultScopeSuffix}' (or 'api://{provider.ClientId}{DefaultScopeSuffix}').");
        }
        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length != 1 || !scopes[0].EndsWith(DefaultScopeSuffix, StringComparison.Ordinal))
        {
            return Refuse(logger, "invalid_scope", $"The client credentials grant takes one scope, the resource followed by '{DefaultScopeSuffix}'; got '{scope}'.");
        }
        var resource = scopes[0][..^DefaultScopeSuffix.Length];
        if (resource != provider.ClientId && resource != "api://" + provider.ClientId)
        {
            return Refuse(logger, "invalid_scope", $"Unknown resource '{resource}': the only API here is the web app, '{provider.ClientId}' or 'api://{provider.ClientId}'.");
        }
        // Entra v2.0 access tokens name the API by its client id, whichever of its identifiers the scope used.
        var token = provider.Tokens.CreateAppOnly(app, provider.Authority, provider.TenantId, provider.ClientId);
        var lifetime = (int)OidcTokenFactory.Lifetime.TotalSeconds;
        return OidcEndpoints.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = token,
        }, headers: OidcTokenEndpoint.NoStore);
    }

    private static ApiResult Refuse(ILogger logger, string error, string description)
    {
        OidcEndpoints.LogRefused(logger, "token request: " + description);
        return OidcTokenEndpoint.Error(StatusCodes.Status400BadRequest, error, description);
    }
}
