using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Oidc;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Emulator.Http;

/// <summary>
/// The token endpoint: the authorization code grant for the web app, with client authentication, the code's bindings
/// (client, redirect URI) and PKCE checked; the client credentials grant for daemon apps
/// (<see cref="OidcClientCredentials"/>). Errors are OAuth JSON (RFC 6749 §5.2).
/// </summary>
internal static class OidcTokenEndpoint
{
    internal static readonly Dictionary<string, string> NoStore = new() { ["Cache-Control"] = "no-store", ["Pragma"] = "no-cache" };

    public static async Task<IResult> RedeemAsync(HttpContext context, OidcProvider provider, ILogger logger)
    {
        if (!context.Request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var client = ClientAuthentication.Authenticate(context.Request, form, provider);
        if (!client.Succeeded)
        {
            OidcEndpoints.LogRefused(logger, "token request: " + client.Description);
            var status = client.Error == "invalid_client" ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
            // RFC 6749 §5.2: a 401 answers with the scheme the client tried.
            var challenge = client.UsedBasic && status == StatusCodes.Status401Unauthorized ? "Basic realm=\"" + provider.Authority + "\"" : null;
            return Error(status, client.Error!, client.Description!, challenge);
        }
        if (form.Any(f => f.Value.Count > 1))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "A parameter is given more than once.");
        }
        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "grant_type is missing.");
        }
        if (grantType == "client_credentials")
        {
            return OidcClientCredentials.Issue(form, client.ClientId!, provider, logger);
        }
        if (grantType != "authorization_code")
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only grant_type=authorization_code and client_credentials are supported (no refresh tokens are issued).");
        }
        var code = form["code"].ToString();
        var redirectUri = form["redirect_uri"].ToString();
        var verifier = form["code_verifier"].ToString();
        if (code.Length == 0 || redirectUri.Length == 0 || verifier.Length == 0)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "code, redirect_uri and code_verifier are required.");
        }
        var (grant, error) = provider.Codes.Redeem(code);
        error ??= grant!.Request.ClientId != client.ClientId ? "The code was issued to another client."
            : !string.Equals(grant.Request.RedirectUri, redirectUri, StringComparison.Ordinal) ? "redirect_uri differs from the one of the authorization request."
            : !Pkce.Verify(verifier, grant.Request.CodeChallenge) ? "code_verifier does not match the code_challenge (S256)."
            : null;
        if (error is not null)
        {
            OidcEndpoints.LogRefused(logger, "token request: " + error);
            return Error(StatusCodes.Status400BadRequest, "invalid_grant", error);
        }
        var tokens = provider.Tokens.Create(grant!, provider.Authority, provider.TenantId);
        return OidcEndpoints.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = tokens.Scope,
            ["expires_in"] = (int)tokens.ExpiresIn.TotalSeconds,
            ["access_token"] = tokens.AccessToken,
            ["id_token"] = tokens.IdToken,
        }, headers: NoStore);
    }

    internal static ApiResult Error(int status, string error, string description, string? challenge = null)
    {
        var headers = new Dictionary<string, string>(NoStore);
        if (challenge is not null)
        {
            headers["WWW-Authenticate"] = challenge;
        }
        return OidcEndpoints.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status, headers);
    }
}
