using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Security;

/// <summary>
/// Signs callback posts like ACS does: an RS256 JWT (iss = issuer, aud = ACS resource id, 5-minute lifetime) with a
/// key published as JWKS behind OpenID metadata. The key is generated per run, so only this emulator's JWKS validates it.
/// </summary>
internal sealed class CallbackTokenIssuer : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(1);
    private readonly RsaSigningKey _key = new();
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly TimeProvider _timeProvider;
    private Issued? _current;

    public CallbackTokenIssuer(string issuer, string audience, TimeProvider timeProvider)
    {
        Issuer = issuer;
        Audience = audience;
        _timeProvider = timeProvider;
    }

    public string Issuer { get; }

    public string Audience { get; }

    public string KeyId => _key.KeyId;

    /// <summary>
    /// The token to put on a callback now: a sender signs one and reuses it for a while (here one minute of its five),
    /// so the receiver's memory of validated tokens is exercised as it would be in production.
    /// </summary>
    public string CurrentToken()
    {
        var now = _timeProvider.GetUtcNow();
        var current = Volatile.Read(ref _current);
        if (current is null || now - current.IssuedAt >= Reuse)
        {
            // Two deliveries may both sign a new one at the turn of the minute: harmless, both are valid.
            current = new Issued(CreateToken(), now);
            Volatile.Write(ref _current, current);
        }
        return current.Token;
    }

    public string CreateToken()
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = _key.Credentials,
        });
    }

    /// <summary>The JWKS document served at <c>/calling/keys</c>.</summary>
    public JsonObject Jwks() => _key.Jwks();

    /// <summary>The OpenID metadata served at <c>/calling/.well-known/acsopenidconfiguration</c>.</summary>
    public JsonObject OpenIdMetadata(Uri jwksUri) => new()
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = jwksUri.ToString(),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_signing_alg_values_supported"] = new JsonArray("RS256"),
    };

    public void Dispose() => _key.Dispose();

    private sealed record Issued(string Token, DateTimeOffset IssuedAt);
}
