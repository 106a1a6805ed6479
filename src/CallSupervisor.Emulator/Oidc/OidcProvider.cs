using System.Security.Cryptography;
using CallSupervisor.Emulator.Security;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Oidc;

/// <summary>
/// The development OpenID Connect provider's state for one emulator run: its client, demo users, signing key and
/// outstanding authorization codes. The emulator keeps no sign-in session, so every sign-in shows the user picker.
/// </summary>
internal sealed class OidcProvider : IDisposable
{
    private readonly Func<Uri> _baseAddress;
    private readonly string[] _redirectUris;
    private readonly RsaSigningKey _key = new();

    public OidcProvider(OidcOptions options, Func<Uri> baseAddress, TimeProvider timeProvider)
    {
        _baseAddress = baseAddress;
        TenantId = options.TenantId;
        ClientId = options.ClientId;
        ClientSecret = options.ClientSecret is { Length: > 0 } secret
            ? secret
            : Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _redirectUris = [.. options.RedirectUris];
        Users = [.. (options.Users.Count > 0 ? options.Users : OidcOptions.CreateDemoUsers()).Select(DemoUser.From)];
        Apps = [.. options.Apps.Select(a => DaemonApp.From(a, options.TenantId))];
        Codes = new AuthorizationCodes(timeProvider);
        Tokens = new OidcTokenFactory(_key, timeProvider);
    }

    public string TenantId { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public IReadOnlyList<DemoUser> Users { get; }

    /// <summary>The daemon apps that may use the client credentials grant.</summary>
    public IReadOnlyList<DaemonApp> Apps { get; }

    public AuthorizationCodes Codes { get; }

    public OidcTokenFactory Tokens { get; }

    /// <summary>Identity.Web's Instance: the emulator's base address, with its trailing slash.</summary>
    public Uri Instance => _baseAddress();

    /// <summary>The issuer of every token, exactly as in the discovery document: <c>{instance}{tenant}/v2.0</c>.</summary>
    public string Authority => Url(OidcPaths.Authority(TenantId));

    public string Url(string relativePath) => Instance + relativePath;

    public bool IsAllowedRedirectUri(string? value) => EmulatorOptionsValidator.IsAllowedRedirectUri(value, _redirectUris);

    public bool IsClientSecret(string? value) => ClientAuthentication.SecretEquals(ClientSecret, value);

    /// <summary>
    /// Whether <paramref name="clientId"/> is the web app or a daemon app and <paramref name="secret"/> is its secret.
    /// An unknown client is compared against a dummy secret, so the time taken does not tell which ids exist.
    /// </summary>
    public bool IsClient(string? clientId, string? secret)
    {
        if (string.Equals(clientId, ClientId, StringComparison.Ordinal))
        {
            return IsClientSecret(secret);
        }
        var app = FindApp(clientId);
        return ClientAuthentication.SecretEquals(app?.ClientSecret ?? ClientSecret + "|unknown", secret) && app is not null;
    }

    public DaemonApp? FindApp(string? clientId) => Apps.FirstOrDefault(a => string.Equals(a.ClientId, clientId, StringComparison.Ordinal));

    public DemoUser? FindUser(string? objectId) =>
        Users.FirstOrDefault(u => string.Equals(u.ObjectId, objectId, StringComparison.OrdinalIgnoreCase));

    public System.Text.Json.Nodes.JsonObject Jwks() => _key.Jwks();

    public void Dispose() => _key.Dispose();
}
