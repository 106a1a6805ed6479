using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallSupervisor.Telephony.Acs.Auth;

/// <summary>
/// ACS HMAC-SHA256 request signing. The string to sign is
/// <c>VERB\npathAndQuery\nx-ms-date;host;x-ms-content-sha256</c>, keyed with the base64-decoded access key;
/// the header is <c>HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=…</c>.
/// Shared by the client (signing) and the emulator (verifying) so both follow one definition.
/// </summary>
public static class AcsRequestSigner
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";
    public const string DateHeader = "x-ms-date";
    public const string ContentHashHeader = "x-ms-content-sha256";
    public const string Scheme = "HMAC-SHA256";

    /// <summary>base64(SHA256(body)); an empty body hashes the empty byte string.</summary>
    public static string ComputeContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    /// <summary>RFC 1123 date as ACS expects in x-ms-date.</summary>
    public static string FormatDate(DateTimeOffset time) => time.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The string that is signed.</summary>
    public static string StringToSign(string method, string pathAndQuery, string date, string host, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";

    /// <summary>base64(HMACSHA256(base64decode(accessKey), stringToSign)).</summary>
    public static string ComputeSignature(string stringToSign, string accessKeyBase64)
    {
        var key = Convert.FromBase64String(accessKeyBase64);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>The Authorization header value for a signature.</summary>
    public static string AuthorizationHeader(string signature) => $"{Scheme} SignedHeaders={SignedHeaders}&Signature={signature}";

    /// <summary>
    /// Extracts the signature from an Authorization header value, or null when it is not an ACS HMAC header with
    /// the expected signed headers.
    /// </summary>
    public static string? ParseSignature(string? authorization)
    {
        const string prefix = Scheme + " SignedHeaders=" + SignedHeaders + "&Signature=";
        return authorization is not null && authorization.StartsWith(prefix, StringComparison.Ordinal)
            ? authorization[prefix.Length..]
            : null;
    }

    /// <summary>Constant-time comparison of two base64 signatures.</summary>
    public static bool SignaturesMatch(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
