using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Tests;

public sealed class OidcCodeFlowTests
{
    [Fact]
    public async Task AuthorizeGet_ValidRequest_ListsEveryDemoUserWithRoles()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var request = SignInRequest.Create();

        using var response = await oidc.GetAuthorizeAsync(oidc.AuthorizeParameters(request));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Sign in to CallSupervisor (development)</title>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        foreach (var (name, roles) in new[]
        {
            ("Olivia Observer", "Roles: Observer"), ("Sam Supervisor", "Roles: Supervisor"),
            ("Ada Auditor", "Roles: Auditor"), ("Max Manager", "Roles: Supervisor, Auditor, Administrator"),
        })
        {
            Assert.Matches($"<button type=\"submit\" name=\"user_id\" value=\"{OidcTestClient.UserId(name)}\"><span class=\"name\">{name}</span>[^<]*<span[^>]*>[^<]+</span>[^<]*<span[^>]*>{roles}</span></button>", html);
        }
        var hidden = OidcTestClient.HiddenFields(html).ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(request.State, hidden["state"]);
        Assert.Equal(request.Nonce, hidden["nonce"]);
        Assert.Equal(request.Challenge, hidden["code_challenge"]);
        Assert.Equal(request.RedirectUri, hidden["redirect_uri"]);
        Assert.False(hidden.ContainsKey("x-client-SKU"));
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        // Under no-referrer a browser would post the picker with "Origin: null" and the origin check would refuse it.
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task FullFlow_FormPost_IdTokenValidatesAgainstJwksAndCarriesTheUser()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var e = oidc.Emulator;
        var request = SignInRequest.Create();

        var code = await oidc.SignInAsync(request, OidcTestClient.MaxManagerId);
        var (status, body, _) = await oidc.RedeemAsync(code, request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", (string?)body["token_type"]);
        Assert.Equal(3600, (int)body["expires_in"]!);
        Assert.Equal("openid profile", (string?)body["scope"]);
        Assert.Null(body["refresh_token"]);
        var keys = new JsonWebKeySet(await oidc.Http.GetStringAsync($"{e.OidcTenantId}/discovery/v2.0/keys"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync((string)body["id_token"]!, new TokenValidationParameters
        {
            ValidIssuer = e.OidcAuthority,
            ValidAudience = e.OidcClientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(Assert.Single(keys.Keys).Kid, token.Kid);
        Assert.Equal(OidcTestClient.MaxManagerId, token.GetClaim("oid").Value);
        Assert.Equal(e.OidcTenantId, token.GetClaim("tid").Value);
        Assert.Equal("Max Manager", token.GetClaim("name").Value);
        Assert.Equal("max.manager@callsupervisor.test", token.GetClaim("preferred_username").Value);
        Assert.Equal(["Supervisor", "Auditor", "Administrator"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
        Assert.Equal(request.Nonce, token.GetClaim("nonce").Value);
        Assert.Equal("2.0", token.GetClaim("ver").Value);
        Assert.NotEqual(OidcTestClient.MaxManagerId, token.Subject);
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.IssuedAt);
        Assert.Equal(token.IssuedAt, token.ValidFrom);
        var access = new JsonWebToken((string)body["access_token"]!);
        Assert.Equal(e.OidcClientId, Assert.Single(access.Audiences));
        Assert.Equal(OidcTestClient.MaxManagerId, access.GetClaim("oid").Value);
    }

    [Fact]
    public async Task FullFlow_ReadThroughConfigurationManager_ValidatesAsTheOpenIdConnectHandlerDoes()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var e = oidc.Emulator;
        var validator = new OpenIdConnectProtocolValidator();
        // The handler's nonce carries a timestamp, which the validator checks.
        var request = SignInRequest.Create(nonce: validator.GenerateNonce());
        var code = await oidc.SignInAsync(request, OidcTestClient.UserId("Sam Supervisor"));
        var (status, body, _) = await oidc.RedeemAsync(code, request);
        Assert.Equal(HttpStatusCode.OK, status);
        var idToken = (string)body["id_token"]!;
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            e.OidcMetadataAddress.ToString(), new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = false });

        var configuration = await manager.GetConfigurationAsync(CancellationToken.None);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ConfigurationManager = manager,
            ValidIssuer = e.OidcAuthority,
            ValidAudience = e.OidcClientId,
        });
        validator.ValidateTokenResponse(new OpenIdConnectProtocolValidationContext
        {
            ClientId = e.OidcClientId,
            Nonce = request.Nonce,
            ValidatedIdToken = new JwtSecurityToken(idToken),
            ProtocolMessage = new OpenIdConnectMessage { IdToken = idToken, AccessToken = (string)body["access_token"]! },
        });

        Assert.Equal(e.OidcAuthority, configuration.Issuer);
        Assert.Single(configuration.SigningKeys);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(["Supervisor"], ((JsonWebToken)result.SecurityToken).Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }

    [Fact]
    public async Task FullFlow_QueryModeAndClientSecretBasic_RedirectsAndRedeems()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var request = SignInRequest.Create(responseMode: "query");

        var code = await oidc.SignInAsync(request, OidcTestClient.UserId("Olivia Observer"));
        var (status, body, _) = await oidc.RedeemAsync(code, request, basic: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var token = new JsonWebToken((string)body["id_token"]!);
        // One role is still an array in the token, as Entra sends app roles.
        Assert.Contains("\"roles\":[\"Observer\"]", Base64UrlEncoder.Decode(token.EncodedPayload), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ReturnsAccessDeniedWithState()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var request = SignInRequest.Create();
        using var page = await oidc.GetAuthorizeAsync(oidc.AuthorizeParameters(request));
        var fields = OidcTestClient.HiddenFields(await page.Content.ReadAsStringAsync());
        fields.Add(new("cancel", "1"));

        using var answer = await oidc.PostFormAsync(oidc.AuthorizePath, fields);
        var returned = await OidcTestClient.AnswerFieldsAsync(answer, request);

        Assert.Equal("access_denied", returned["error"]);
        Assert.Equal(request.State, returned["state"]);
        Assert.False(returned.ContainsKey("code"));
    }

    [Fact]
    public async Task Token_WrongCodeVerifier_InvalidGrant()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var request = SignInRequest.Create();
        var code = await oidc.SignInAsync(request);

        var (status, body, _) = await oidc.RedeemAsync(code, request, verifier: SignInRequest.Create().Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", (string?)body["error"]);
        Assert.Contains("code_verifier", (string?)body["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WrongClientSecret_InvalidClient401()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var request = SignInRequest.Create();
        var code = await oidc.SignInAsync(request);

        var (postStatus, postBody, _) = await oidc.RedeemAsync(code, request, secret: "not-the-client-secret");
        var (basicStatus, basicBody, basic) = await oidc.RedeemAsync(code, request, secret: "not-the-client-secret", basic: true);

        Assert.Equal(HttpStatusCode.Unauthorized, postStatus);
        Assert.Equal("invalid_client", (string?)postBody["error"]);
        Assert.Equal(HttpStatusCode.Unauthorized, basicStatus);
        Assert.Equal("invalid_client", (string?)basicBody["error"]);
        Assert.Equal("Basic", Assert.Single(basic.Headers.WwwAuthenticate).Scheme);
        // The code survives a caller who could not authenticate as the client.
        Assert.Equal(HttpStatusCode.OK, (await oidc.RedeemAsync(code, request)).Status);
    }

    [Fact]
    public async Task Token_CodeUsedTwice_SecondIsInvalidGrant()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var request = SignInRequest.Create();
        var code = await oidc.SignInAsync(request);

        var first = await oidc.RedeemAsync(code, request);
        var second = await oidc.RedeemAsync(code, request);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal("invalid_grant", (string?)second.Body["error"]);
    }

    [Fact]
    public async Task Token_CodeOlderThan60Seconds_InvalidGrant()
    {
        var clock = new ShiftedTimeProvider();
        await using var oidc = await OidcTestClient.StartAsync(timeProvider: clock);
        var request = SignInRequest.Create();
        var code = await oidc.SignInAsync(request);

        clock.Advance(TimeSpan.FromSeconds(61));
        var (status, body, _) = await oidc.RedeemAsync(code, request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", (string?)body["error"]);
        Assert.Contains("expired", (string?)body["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_OtherRedirectUri_InvalidGrant()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var request = SignInRequest.Create();
        var code = await oidc.SignInAsync(request);

        var (status, body, _) = await oidc.RedeemAsync(code, request, redirectUri: "http://localhost:5180/elsewhere");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", (string?)body["error"]);
    }

    [Theory]
    [InlineData("refresh_token", "unsupported_grant_type")]
    [InlineData("client_credentials", "unauthorized_client")]
    [InlineData("", "invalid_request")]
    public async Task Token_OtherGrantTypesOrTheWebAppAsDaemon_Refused(string grantType, string error)
    {
        await using var oidc = await OidcTestClient.StartAsync();

        using var response = await oidc.PostFormAsync(oidc.TokenPath, new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = oidc.Emulator.OidcClientId,
            ["client_secret"] = oidc.Emulator.OidcClientSecret,
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, (string?)body["error"]);
    }
}
