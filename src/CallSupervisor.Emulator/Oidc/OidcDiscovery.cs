using System.Text.Json.Nodes;

namespace CallSupervisor.Emulator.Oidc;

/// <summary>The discovery document, shaped like Entra ID's v2.0 one where the provider does the same thing.</summary>
internal static class OidcDiscovery
{
    public static readonly string[] Claims =
        ["iss", "aud", "sub", "oid", "tid", "name", "preferred_username", "email", "roles", "nonce", "iat", "nbf", "exp", "ver", "at_hash", "azp", "appid", "idtyp"];

    public static JsonObject Document(OidcProvider provider)
    {
        var tenant = provider.TenantId;
        return new JsonObject
        {
            ["issuer"] = provider.Authority,
            ["authorization_endpoint"] = provider.Url(OidcPaths.Authorize(tenant)),
            ["token_endpoint"] = provider.Url(OidcPaths.Token(tenant)),
            ["end_session_endpoint"] = provider.Url(OidcPaths.Logout(tenant)),
            ["jwks_uri"] = provider.Url(OidcPaths.Keys(tenant)),
            ["response_types_supported"] = Array("code"),
            ["response_modes_supported"] = Array(AuthorizationRequest.Query, AuthorizationRequest.FormPost),
            // The code grant for people, client credentials for daemon apps; offline_access is accepted in requests
            // (Identity.Web asks for it) but no refresh token is issued.
            ["grant_types_supported"] = Array("authorization_code", "client_credentials"),
            ["subject_types_supported"] = Array("pairwise"),
            ["id_token_signing_alg_values_supported"] = Array("RS256"),
            ["code_challenge_methods_supported"] = Array(Pkce.S256),
            ["scopes_supported"] = Array("openid", "profile", "offline_access", "email"),
            ["token_endpoint_auth_methods_supported"] = Array("client_secret_post", "client_secret_basic"),
            ["claims_supported"] = Array(Claims),
            ["request_uri_parameter_supported"] = false,
        };
    }

    private static JsonArray Array(params string[] values) => new([.. values.Select(v => JsonValue.Create(v))]);
}
