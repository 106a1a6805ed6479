using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CallSupervisor.Emulator;
using CallSupervisor.EndToEnd.Tests.ServiceLayer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static CallSupervisor.EndToEnd.Tests.LiveCallsUiTests;

namespace CallSupervisor.EndToEnd.Tests.AppOnly;

/// <summary>
/// Screens and scripts without a person: an app-only token (client credentials) from the emulator's identity
/// provider, validated by Identity.Web's JWT bearer support, opens the calls hub; tokens without a board role are
/// forbidden, forged ones unauthenticated, and a wallboard can watch but never act.
/// </summary>
[Collection(AppOnlyCollection.Name)]
public sealed class AppOnlyHubTests(AppOnlyFixture fixture)
{
    [Theory]
    [InlineData(CallsHubTransport.WebSockets)]
    [InlineData(CallsHubTransport.LongPolling)]
    public async Task HubClient_WallboardAppToken_ConnectsAndFollowsTheCalls(CallsHubTransport transport)
    {
        var token = await fixture.WallboardTokenAsync();
        var before = await fixture.CreateCallAsync(AcsCall("+14255550901"));

        await using var hub = await fixture.ConnectWithTokenAsync(token, transport);
        var after = await fixture.CreateCallAsync(AcsCall("+14255550902"));

        await hub.ExpectCallAsync(before, _ => true, "a call created before connecting");
        await hub.ExpectCallAsync(after, _ => true, "a call created after connecting");
    }

    [Fact]
    public async Task Negotiate_TokenInTheQueryString_AsBrowsersSendItOverWebSockets_IsAccepted()
    {
        var token = await fixture.WallboardTokenAsync();
        using var http = NoRedirects();

        using var negotiate = await http.PostAsync("hubs/calls/negotiate?negotiateVersion=1&access_token=" + Uri.EscapeDataString(token), null);

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Theory]
    [InlineData(AppOnlyFixture.AgentDeskId)]
    [InlineData(AppOnlyFixture.RolelessId)]
    public async Task Negotiate_TokenWithoutABoardRole_403ProblemDetails(string clientId)
    {
        var token = await fixture.TokenAsync(clientId, AppOnlyFixture.OtherSecret);
        using var http = NoRedirects();

        using var negotiate = await PostWithBearerAsync(http, "hubs/calls/negotiate?negotiateVersion=1", token);

        Assert.Equal(HttpStatusCode.Forbidden, negotiate.StatusCode);
        Assert.Equal("application/problem+json", negotiate.Content.Headers.ContentType?.MediaType);
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.ConnectWithTokenAsync(token));
    }

    [Fact]
    public async Task Negotiate_ForgedTokens_401WithBearerChallenge_NeverARedirect()
    {
        var good = await fixture.WallboardTokenAsync();
        var forged = new Dictionary<string, string>
        {
            ["tampered (roles changed, signature kept)"] = Tamper(good, payload => payload["roles"] = new JsonArray("Supervisor")),
            ["unsigned (alg none)"] = Unsigned(good),
            ["signed by another key"] = SignWithOwnKey(fixture, DateTime.UtcNow.AddHours(1), audience: new OidcOptions().ClientId),
            ["expired (and signed by another key)"] = SignWithOwnKey(fixture, DateTime.UtcNow.AddMinutes(-10), audience: new OidcOptions().ClientId),
            ["for another audience"] = Tamper(good, payload => payload["aud"] = "api://another-app"),
            ["not a token"] = "not-a-token",
        };
        using var http = NoRedirects();

        foreach (var (what, token) in forged)
        {
            using var negotiate = await PostWithBearerAsync(http, "hubs/calls/negotiate?negotiateVersion=1", token);
            using var api = await GetWithBearerAsync(http, "api/agents", token);

            Assert.True(negotiate.StatusCode == HttpStatusCode.Unauthorized, $"{what}: negotiate answered {(int)negotiate.StatusCode}");
            Assert.Contains(negotiate.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
            // Says what is wrong with the token, not "sign in first", which a script cannot do.
            Assert.Contains("access token", await negotiate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(api.StatusCode == HttpStatusCode.Unauthorized, $"{what}: the API answered {(int)api.StatusCode}");
            Assert.Contains(api.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }
    }

    [Fact]
    public async Task Execute_WithTheWallboardToken_IsForbiddenAndAuditedUnderTheAppsName()
    {
        var callId = await fixture.CreateCallAsync(AcsCall("+14255550903"));
        await using var hub = await fixture.ConnectWithTokenAsync(await fixture.WallboardTokenAsync());
        await hub.ExpectCallAsync(callId, c => c.MediaOperations.Count > 0, "a call with media");

        var result = await hub.CancelMediaAsync(callId);

        Assert.Equal("Forbidden", result.Status);
        Assert.Equal("Your role (Wallboard) may watch calls but not act on them", result.Message);
        var session = await fixture.SessionAsync(OidcSignIn.Manager);
        using var handler = new HttpClientHandler { CookieContainer = session };
        using var http = new HttpClient(handler) { BaseAddress = fixture.BaseAddress };
        var rows = await Eventually.UntilAsync(
            async () => Csv.Parse(await http.GetStringAsync("audit/export?call=" + Uri.EscapeDataString(callId))),
            r => r.Count > 0,
            "the refused action in the audit trail",
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(250),
            r => Task.FromResult($"{r?.Count ?? 0} rows"));
        var row = Assert.Single(rows);
        Assert.Equal(("Refused", AppOnlyFixture.Wallboard.DisplayName, "Wallboard"), (row["status"], row["actor_name"], row["actor_role"]));
    }

    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.BaseAddress };

    private static Task<HttpResponseMessage> PostWithBearerAsync(HttpClient http, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> GetWithBearerAsync(HttpClient http, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    /// <summary>The token with its payload changed and its signature kept: a signature check must refuse it.</summary>
    internal static string Tamper(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        change(payload);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    internal static string Unsigned(string token)
    {
        var parts = token.Split('.');
        return $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";
    }

    /// <summary>A wallboard-shaped token with the right issuer, signed by a key the provider never published.</summary>
    internal static string SignWithOwnKey(AppOnlyFixture fixture, DateTime expires, string audience)
    {
        using var rsa = RSA.Create(2048);
        var defaults = new OidcOptions();
        var now = expires.AddHours(-1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"{fixture.Emulator.BaseAddress}{defaults.TenantId}/v2.0",
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["roles"] = new[] { "Wallboard" }, ["oid"] = Guid.NewGuid().ToString(), ["idtyp"] = "app", ["ver"] = "2.0" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = "forged" }, SecurityAlgorithms.RsaSha256),
        });
    }
}
