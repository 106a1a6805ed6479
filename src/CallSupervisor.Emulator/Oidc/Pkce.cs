using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Oidc;

/// <summary>Proof Key for Code Exchange (RFC 7636), S256 only: <c>plain</c> would let an intercepted code be redeemed.</summary>
internal static partial class Pkce
{
    public const string S256 = "S256";

    /// <summary>An S256 challenge is the base64url SHA-256 of the verifier: always 43 characters.</summary>
    public static bool IsChallenge(string? value) => value is not null && Challenge().IsMatch(value);

    public static bool Verify(string verifier, string challenge)
    {
        if (!Verifier().IsMatch(verifier))
        {
            return false;
        }
        var computed = Encoding.ASCII.GetBytes(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        return CryptographicOperations.FixedTimeEquals(computed, Encoding.ASCII.GetBytes(challenge));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Challenge();

    // RFC 7636 §4.1: 43–128 characters of the unreserved set.
    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$")]
    private static partial Regex Verifier();
}
