using System.Text.RegularExpressions;

namespace CallSupervisor.Emulator;

/// <summary>The rules of <see cref="OidcOptions"/>; only checked when the provider is enabled.</summary>
public sealed partial class EmulatorOptionsValidator
{
    /// <summary>Shorter configured secrets are refused: they would be guessable even in development.</summary>
    public const int MinimumClientSecretLength = 16;

    // Entra's reserved authority names: Identity.Web treats them as multi-tenant and validates issuers differently.
    private static readonly string[] MultiTenantNames = ["common", "organizations", "consumers"];

    /// <summary>
    /// An http(s) URL a browser can be sent back to: absolute, no fragment (RFC 6749 §3.1.2) and no user info,
    /// on localhost or a loopback IP unless it is one of <paramref name="allowed"/> exactly. No control character:
    /// browsers drop tabs and line breaks from a URL (it would lead elsewhere), and a line break in the Location header
    /// fails the response.
    /// </summary>
    public static bool IsAllowedRedirectUri(string? value, IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (value is null || value.Any(char.IsControl) || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Fragment.Length > 0 || value.Contains('#', StringComparison.Ordinal) || uri.UserInfo.Length > 0)
        {
            return false;
        }
        return IsLoopbackHttp(uri) || allowed.Contains(value, StringComparer.Ordinal);
    }

    private static void ValidateOidc(OidcOptions o, List<string> errors)
    {
        const string p = "Emulator:Oidc:";
        if (!o.Enabled)
        {
            return;
        }
        if (string.IsNullOrEmpty(o.TenantId) || !PathSegment().IsMatch(o.TenantId)
            || MultiTenantNames.Contains(o.TenantId, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{p}TenantId must be one path segment of letters, digits, '-' and '.' (a GUID by default), not common/organizations/consumers; got '{o.TenantId}'.");
        }
        if (string.IsNullOrEmpty(o.ClientId) || !UrlSafe().IsMatch(o.ClientId))
        {
            errors.Add($"{p}ClientId must be letters, digits and '-', '.', '_', '~' only; got '{o.ClientId}'.");
        }
        if (o.ClientSecret is { Length: > 0 } secret && (secret.Length < MinimumClientSecretLength || secret.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{p}ClientSecret must be at least {MinimumClientSecretLength} characters without spaces (leave it empty for a random secret per start).");
        }
        foreach (var uri in o.RedirectUris)
        {
            if (!IsAllowedRedirectUri(uri, [uri]))
            {
                errors.Add($"{p}RedirectUris: '{uri}' must be an absolute http(s) URL without fragment or user info.");
            }
        }
        ValidateUsers(o.Users, errors);
        ValidateApps(o, errors);
    }

    // Like the web client's: a daemon app that could not get a token, or two that share an id, fail at start rather
    // than at a wallboard's first token request.
    private static void ValidateApps(OidcOptions o, List<string> errors)
    {
        const string p = "Emulator:Oidc:Apps:";
        var ids = new HashSet<string>(StringComparer.Ordinal) { o.ClientId };
        for (var i = 0; i < o.Apps.Count; i++)
        {
            var app = o.Apps[i];
            if (string.IsNullOrEmpty(app.ClientId) || !UrlSafe().IsMatch(app.ClientId) || !ids.Add(app.ClientId))
            {
                errors.Add($"{p}{i}:ClientId must be letters, digits and '-', '.', '_', '~' only, and differ from Emulator:Oidc:ClientId and every other app's; got '{app.ClientId}'.");
            }
            if (app.ClientSecret is not { Length: >= MinimumClientSecretLength } || app.ClientSecret.Any(char.IsWhiteSpace))
            {
                errors.Add($"{p}{i}:ClientSecret must be at least {MinimumClientSecretLength} characters without spaces.");
            }
            if (string.IsNullOrWhiteSpace(app.DisplayName))
            {
                errors.Add($"{p}{i}:DisplayName is required: the board and the audit trail name the app by it.");
            }
            ValidateRoles($"{p}{i}:Roles", app.Roles, errors);
        }
    }

    private static void ValidateRoles(string key, List<string> roles, List<string> errors)
    {
        foreach (var role in roles.Where(r => !OidcOptions.AppRoles.Contains(r, StringComparer.Ordinal)))
        {
            errors.Add($"{key}: '{role}' is not an app role ({string.Join(", ", OidcOptions.AppRoles)}; case matters).");
        }
        if (roles.Distinct(StringComparer.Ordinal).Count() != roles.Count)
        {
            errors.Add($"{key} lists a role twice.");
        }
    }

    private static void ValidateUsers(List<OidcUserOptions> users, List<string> errors)
    {
        const string p = "Emulator:Oidc:Users:";
        var ids = new HashSet<Guid>();
        var usernames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            if (user.Id == Guid.Empty || !ids.Add(user.Id))
            {
                errors.Add($"{p}{i}:Id must be a GUID other than the empty one and unique among the users.");
            }
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                errors.Add($"{p}{i}:Name is required.");
            }
            if (!EmailLike().IsMatch(user.Username ?? "") || !usernames.Add(user.Username!))
            {
                errors.Add($"{p}{i}:Username must look like an email address (name@domain) and be unique; got '{user.Username}'.");
            }
            ValidateRoles($"{p}{i}:Roles", user.Roles, errors);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]*$")]
    private static partial Regex PathSegment();

    [GeneratedRegex("^[A-Za-z0-9._~-]+$")]
    private static partial Regex UrlSafe();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailLike();
}
