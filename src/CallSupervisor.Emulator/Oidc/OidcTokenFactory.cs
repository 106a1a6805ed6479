using System.Security.Cryptography;
using System.Text;
using CallSupervisor.Emulator.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Oidc;

/// <summary>The tokens of a redeemed code.</summary>
internal sealed record TokenSet(string IdToken, string AccessToken, TimeSpan ExpiresIn, string Scope);

/// <summary>
/// Entra ID v2.0–shaped tokens, RS256 with the provider's per-run key: the id token carries what Identity.Web reads
/// (<c>oid</c>, <c>tid</c>, <c>name</c>, <c>preferred_username</c>, <c>roles</c> as app roles, <c>ver</c> 2.0);
/// the access token has the client as audience (the app calls no API with it).
/// </summary>
internal sealed class OidcTokenFactory(RsaSigningKey key, TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TokenSet Create(AuthorizationGrant grant, string issuer, string tenantId)
    {
        var request = grant.Request;
        var user = grant.User;
        var scope = string.Join(' ', request.Scopes);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = PairwiseSubject(tenantId, request.ClientId, user.ObjectId),
            ["oid"] = user.ObjectId,
            ["tid"] = tenantId,
            ["name"] = user.Name,
            ["preferred_username"] = user.Username,
            ["ver"] = "2.0",
        };
        if (user.Roles.Count > 0)
        {
            // Always an array, also for one role, as Entra sends app roles.
            claims["roles"] = user.Roles.ToArray();
        }

        var accessClaims = new Dictionary<string, object>(claims, StringComparer.Ordinal) { ["azp"] = request.ClientId, ["scp"] = scope };
        var accessToken = Sign(issuer, request.ClientId, accessClaims);

        if (request.Nonce is not null)
        {
            claims["nonce"] = request.Nonce;
        }
        if (request.Scopes.Contains("email", StringComparer.Ordinal))
        {
            claims["email"] = user.Username;
        }
        claims["at_hash"] = AccessTokenHash(accessToken);
        return new TokenSet(Sign(issuer, request.ClientId, claims), accessToken, Lifetime, scope);
    }

    /// <summary>
    /// An Entra v2.0 app-only access token for the web app's API (<paramref name="audience"/>, its client id): the app's
    /// service principal as <c>oid</c> and <c>sub</c>, its client id as <c>azp</c> and <c>appid</c>, <c>idtyp</c>
    /// <c>app</c>, its app roles, and no <c>scp</c> (nobody consented to delegated scopes). Entra sends
    /// <c>app_displayname</c> only as an optional claim; <c>name</c> is added here so the board names the screen.
    /// </summary>
    public string CreateAppOnly(DaemonApp app, string issuer, string tenantId, string audience)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = app.ObjectId,
            ["oid"] = app.ObjectId,
            ["tid"] = tenantId,
            ["azp"] = app.ClientId,
            ["appid"] = app.ClientId,
            ["azpacr"] = "1",
            ["idtyp"] = "app",
            ["name"] = app.DisplayName,
            ["app_displayname"] = app.DisplayName,
            ["ver"] = "2.0",
        };
        if (app.Roles.Count > 0)
        {
            claims["roles"] = app.Roles.ToArray();
        }
        return Sign(issuer, audience, claims);
    }

    private string Sign(string issuer, string audience, Dictionary<string, object> claims)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claims,
            SigningCredentials = key.Credentials,
        });
    }

    /// <summary>
    /// Entra's <c>sub</c> is pairwise (per user and app) and differs from <c>oid</c>; so does this one, so code that
    /// mistakes one for the other fails in development as it would in production.
    /// </summary>
    private static string PairwiseSubject(string tenantId, string clientId, string objectId) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}|{clientId}|{objectId}")));

    /// <summary>OpenID Connect Core §3.1.3.6: base64url of the left half of the SHA-256 of the access token.</summary>
    private static string AccessTokenHash(string accessToken) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]);
}
