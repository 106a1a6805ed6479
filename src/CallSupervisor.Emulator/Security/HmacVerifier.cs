using System.Globalization;
using CallSupervisor.Telephony.Acs.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CallSupervisor.Emulator.Security;

/// <summary>
/// Checks an ACS HMAC-SHA256 request the way the service does: recompute the signature over
/// <c>VERB\npathAndQuery\nx-ms-date;host;x-ms-content-sha256</c> with the shared <see cref="AcsRequestSigner"/>.
/// Returns the reason of a failure (for the 401 body and the log), or null when the request is authentic.
/// </summary>
internal sealed class HmacVerifier(string accessKeyBase64, TimeProvider timeProvider)
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    public string? Verify(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var signature = AcsRequestSigner.ParseSignature(request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null);
        if (signature is null)
        {
            return "missing or malformed Authorization header (expected HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=...)";
        }
        var date = request.Headers[AcsRequestSigner.DateHeader].ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt))
        {
            return "missing or invalid x-ms-date header (RFC 1123)";
        }
        if ((timeProvider.GetUtcNow() - sentAt).Duration() > AllowedSkew)
        {
            return "x-ms-date is more than 5 minutes away from the server time";
        }
        var contentHash = request.Headers[AcsRequestSigner.ContentHashHeader].ToString();
        if (contentHash.Length == 0 || !string.Equals(contentHash, AcsRequestSigner.ComputeContentHash(body), StringComparison.Ordinal))
        {
            return "x-ms-content-sha256 is missing or does not match the body";
        }
        // The raw target is what the client signed; Request.Path is already percent-decoded.
        var pathAndQuery = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : request.Path + request.QueryString;
        var stringToSign = AcsRequestSigner.StringToSign(request.Method, pathAndQuery, date, request.Host.Value ?? string.Empty, contentHash);
        var expected = AcsRequestSigner.ComputeSignature(stringToSign, accessKeyBase64);
        return AcsRequestSigner.SignaturesMatch(expected, signature) ? null : "the signature does not match (check the access key, host and path)";
    }
}
