using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Oidc;

/// <summary>The outcome of authenticating the client at the token endpoint.</summary>
internal sealed record ClientAuthenticationResult(bool Succeeded, bool UsedBasic, string? Error, string? Description, string? ClientId = null)
{
    public static ClientAuthenticationResult Success(bool usedBasic, string clientId) => new(true, usedBasic, null, null, clientId);

    public static ClientAuthenticationResult Fail(bool usedBasic, string error, string description) => new(false, usedBasic, error, description);
}

/// <summary>
/// client_secret_basic (RFC 6749 §2.3.1: form-encoded id and secret, base64 in an <c>Authorization: Basic</c>
/// header) or client_secret_post (both in the body), never both. The ASP.NET Core OpenID Connect handler posts them;
/// daemon apps (MSAL's confidential client, curl) authenticate the same way.
/// </summary>
internal static class ClientAuthentication
{
    public static ClientAuthenticationResult Authenticate(HttpRequest request, IFormCollection form, OidcProvider provider)
    {
        var header = request.Headers.Authorization.ToString();
        var usedBasic = header.Length > 0;
        string? clientId;
        string? secret;
        if (usedBasic)
        {
            if (form.ContainsKey("client_secret"))
            {
                return ClientAuthenticationResult.Fail(true, "invalid_request", "Use one client authentication method: client_secret_basic or client_secret_post, not both.");
            }
            if (!TryReadBasic(header, out clientId, out secret))
            {
                return ClientAuthenticationResult.Fail(true, "invalid_client", "The Authorization header is not 'Basic base64(client_id:client_secret)'.");
            }
            if (form["client_id"] is { Count: > 0 } bodyId && !string.Equals(bodyId.ToString(), clientId, StringComparison.Ordinal))
            {
                return ClientAuthenticationResult.Fail(true, "invalid_client", "client_id in the body differs from the one in the Authorization header.");
            }
        }
        else
        {
            clientId = form["client_id"].Count == 1 ? form["client_id"].ToString() : null;
            secret = form["client_secret"].Count == 1 ? form["client_secret"].ToString() : null;
            if (clientId is null || secret is null)
            {
                return ClientAuthenticationResult.Fail(false, "invalid_client", "Client authentication is required: client_id and client_secret (client_secret_post or client_secret_basic).");
            }
        }
        if (!provider.IsClient(clientId, secret))
        {
            return ClientAuthenticationResult.Fail(usedBasic, "invalid_client", "Unknown client or wrong client secret.");
        }
        return ClientAuthenticationResult.Success(usedBasic, clientId!);
    }

    /// <summary>Compares hashes so the time taken says nothing about the secret, not even its length.</summary>
    public static bool SecretEquals(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    private static bool TryReadBasic(string header, out string? clientId, out string? secret)
    {
        clientId = secret = null;
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }
        clientId = FormDecode(decoded[..colon]);
        secret = FormDecode(decoded[(colon + 1)..]);
        return true;
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
