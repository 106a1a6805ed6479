using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Tests;

public sealed class OidcDiscoveryTests
{
    [Fact]
    public async Task Host_Defaults_ExposesWhatIdentityWebNeeds()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var e = oidc.Emulator;

        Assert.True(e.OidcEnabled);
        Assert.Equal(e.BaseAddress, e.OidcInstance);
        Assert.EndsWith("/", e.OidcInstance.ToString(), StringComparison.Ordinal);
        Assert.Equal("4f3c9e1a-7b2d-4c8e-9f60-5a1d2e3b4c5f", e.OidcTenantId);
        Assert.Equal("callsupervisor-dev", e.OidcClientId);
        Assert.Equal($"{e.OidcInstance}{e.OidcTenantId}/v2.0", e.OidcAuthority);
        Assert.Equal(new Uri(e.OidcAuthority + "/.well-known/openid-configuration"), e.OidcMetadataAddress);
        Assert.True(e.OidcClientSecret.Length >= 32);
    }

    [Fact]
    public async Task Host_TwoStarts_DrawDifferentSecrets()
    {
        await using var first = await OidcTestClient.StartAsync();
        await using var second = await OidcTestClient.StartAsync();

        Assert.NotEqual(first.Emulator.OidcClientSecret, second.Emulator.OidcClientSecret);
    }

    [Fact]
    public async Task Discovery_Defaults_EntraShapedDocument()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var e = oidc.Emulator;
        var tenantBase = $"{e.OidcInstance}{e.OidcTenantId}";

        var doc = await oidc.Http.GetFromJsonAsync<JsonObject>(e.OidcMetadataAddress);

        Assert.Equal(e.OidcAuthority, (string?)doc!["issuer"]);
        Assert.Equal($"{tenantBase}/oauth2/v2.0/authorize", (string?)doc["authorization_endpoint"]);
        Assert.Equal($"{tenantBase}/oauth2/v2.0/token", (string?)doc["token_endpoint"]);
        Assert.Equal($"{tenantBase}/oauth2/v2.0/logout", (string?)doc["end_session_endpoint"]);
        Assert.Equal($"{tenantBase}/discovery/v2.0/keys", (string?)doc["jwks_uri"]);
        Assert.Equal(["code"], Strings(doc["response_types_supported"]));
        Assert.Equal(["query", "form_post"], Strings(doc["response_modes_supported"]));
        Assert.Equal(["S256"], Strings(doc["code_challenge_methods_supported"]));
        Assert.Equal(["RS256"], Strings(doc["id_token_signing_alg_values_supported"]));
        Assert.Equal(["authorization_code", "client_credentials"], Strings(doc["grant_types_supported"]));
        Assert.Equal(["pairwise"], Strings(doc["subject_types_supported"]));
        Assert.Equal(["client_secret_post", "client_secret_basic"], Strings(doc["token_endpoint_auth_methods_supported"]));
        Assert.Subset(Strings(doc["scopes_supported"]).ToHashSet(), new HashSet<string> { "openid", "profile", "offline_access", "email" });
        Assert.Subset(Strings(doc["claims_supported"]).ToHashSet(),
            new HashSet<string> { "iss", "aud", "sub", "oid", "tid", "name", "preferred_username", "roles", "nonce", "iat", "nbf", "exp", "ver" });
    }

    [Fact]
    public async Task Keys_ServeOneRsaSigningKeyWithKid()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var doc = await oidc.Http.GetFromJsonAsync<JsonObject>(oidc.Emulator.OidcMetadataAddress);

        var json = await oidc.Http.GetStringAsync((string)doc!["jwks_uri"]!);
        var keys = new JsonWebKeySet(json);

        var key = Assert.Single(keys.Keys);
        Assert.Equal("RSA", key.Kty);
        Assert.Equal("sig", key.Use);
        Assert.Equal("RS256", key.Alg);
        Assert.False(string.IsNullOrEmpty(key.Kid));
        Assert.False(string.IsNullOrEmpty(key.N));
        Assert.Equal("AQAB", key.E);
        Assert.Equal(key.Kid, Assert.Single(keys.GetSigningKeys()).KeyId);
    }

    [Fact]
    public async Task Keys_NotTheCallbackSigningKey()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var callbackKeys = new JsonWebKeySet(await oidc.Http.GetStringAsync("calling/keys"));
        var signInKeys = new JsonWebKeySet(await oidc.Http.GetStringAsync($"{oidc.Emulator.OidcTenantId}/discovery/v2.0/keys"));

        Assert.NotEqual(Assert.Single(callbackKeys.Keys).Kid, Assert.Single(signInKeys.Keys).Kid);
    }

    [Fact]
    public async Task Disabled_NoEndpointsAndMembersThrow()
    {
        await using var oidc = await OidcTestClient.StartAsync(o => o.Oidc.Enabled = false);
        var tenant = new OidcOptions().TenantId;

        using var response = await oidc.Http.GetAsync($"{tenant}/v2.0/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(oidc.Emulator.OidcEnabled);
        Assert.Throws<InvalidOperationException>(() => oidc.Emulator.OidcAuthority);
    }

    [Fact]
    public async Task Discovery_OtherTenant_NotFound()
    {
        await using var oidc = await OidcTestClient.StartAsync();

        using var response = await oidc.Http.GetAsync("common/v2.0/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string[] Strings(JsonNode? node) => [.. node!.AsArray().Select(n => (string)n!)];
}
