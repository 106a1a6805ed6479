using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Security;

/// <summary>
/// An RS256 signing key generated per run, with a <c>kid</c> derived from its modulus and its public half as a JWK.
/// Generated per run so only this emulator's JWKS validates what it signs: a token from an earlier run fails.
/// </summary>
internal sealed class RsaSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public RsaSigningKey()
    {
        var publicParameters = _rsa.ExportParameters(false);
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData(publicParameters.Modulus!))[..16];
        Credentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    /// <summary>RS256 credentials; tokens signed with them carry <see cref="KeyId"/> in their <c>kid</c> header.</summary>
    public SigningCredentials Credentials { get; }

    /// <summary>A JWKS document (<c>{"keys":[…]}</c>) with the public key.</summary>
    public JsonObject Jwks()
    {
        var parameters = _rsa.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
            }),
        };
    }

    public void Dispose() => _rsa.Dispose();
}
