using Microsoft.Extensions.Primitives;

namespace CallSupervisor.Emulator.Oidc;

/// <summary>
/// A validated authorization request. Parsed from the query of the GET that shows the sign-in page and again from
/// the form the page posts back, so nothing a browser sends is trusted because the page once accepted it.
/// </summary>
internal sealed record AuthorizationRequest(
    string ClientId, string RedirectUri, string ResponseMode, IReadOnlyList<string> Scopes, string? State, string? Nonce, string CodeChallenge)
{
    public const string Query = "query";
    public const string FormPost = "form_post";

    /// <summary>The scopes granted (and so echoed); <c>offline_access</c> is accepted but not granted: no refresh tokens are issued.</summary>
    public static readonly string[] GrantableScopes = ["openid", "profile", "email"];

    /// <summary>The parameters the sign-in page carries from its GET to its POST; any other (x-client-SKU, prompt, login_hint…) is ignored.</summary>
    public static readonly string[] CarriedParameters =
        ["client_id", "redirect_uri", "response_type", "response_mode", "scope", "state", "nonce", "code_challenge", "code_challenge_method"];

    /// <summary>
    /// The request, or why it is refused. Every refusal is shown as a page, never redirected: the client and the
    /// redirect URI are checked first, so a refusal can never send the browser to a URI that was not validated.
    /// </summary>
    public static (AuthorizationRequest? Request, string? Error) Parse(Func<string, StringValues> parameters, OidcProvider provider)
    {
        string? Single(string name, out string? error)
        {
            var values = parameters(name);
            error = values.Count > 1 ? $"{name} is given more than once." : null;
            return values.Count == 1 && values[0] is { Length: > 0 } value ? value : null;
        }

        var clientId = Single("client_id", out var error);
        if (error is not null || clientId is null)
        {
            return (null, error ?? "client_id is missing.");
        }
        if (!string.Equals(clientId, provider.ClientId, StringComparison.Ordinal))
        {
            return (null, $"client_id '{clientId}' is not a client of this provider.");
        }
        var redirectUri = Single("redirect_uri", out error);
        if (error is not null || redirectUri is null)
        {
            return (null, error ?? "redirect_uri is missing.");
        }
        if (!provider.IsAllowedRedirectUri(redirectUri))
        {
            return (null, $"redirect_uri '{redirectUri}' is not allowed: it must be an absolute http(s) URL without fragment on localhost or a loopback address, or one of Emulator:Oidc:RedirectUris.");
        }
        foreach (var name in CarriedParameters)
        {
            _ = Single(name, out error);
            if (error is not null)
            {
                return (null, error);
            }
        }
        if (Single("response_type", out _) != "code")
        {
            return (null, "response_type must be 'code' (authorization code flow with PKCE).");
        }
        var responseMode = Single("response_mode", out _) ?? Query;
        if (responseMode is not (Query or FormPost))
        {
            return (null, $"response_mode must be '{Query}' or '{FormPost}'; got '{responseMode}'.");
        }
        var scopes = (Single("scope", out _) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains("openid", StringComparer.Ordinal))
        {
            return (null, "scope must include 'openid'.");
        }
        var challenge = Single("code_challenge", out _);
        if (challenge is null)
        {
            return (null, "code_challenge is required (PKCE with S256).");
        }
        if (Single("code_challenge_method", out _) != Pkce.S256)
        {
            return (null, "code_challenge_method must be 'S256'.");
        }
        if (!Pkce.IsChallenge(challenge))
        {
            return (null, "code_challenge must be 43 base64url characters (the S256 hash of the code verifier).");
        }
        var granted = GrantableScopes.Where(s => scopes.Contains(s, StringComparer.Ordinal)).ToArray();
        return (new AuthorizationRequest(clientId, redirectUri, responseMode, granted, Single("state", out _), Single("nonce", out _), challenge), null);
    }
}
