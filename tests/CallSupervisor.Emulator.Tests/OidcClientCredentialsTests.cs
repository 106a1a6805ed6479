using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Tests;

/// <summary>
/// The client credentials grant (RFC 6749 §4.4) for daemon apps, answered as Entra ID v2.0 does: an app-only access
/// token for the web app's API, with the app's roles; errors as OAuth JSON.
/// </summary>
public sealed class OidcClientCredentialsTests
{
    private const string WallboardId = "test-wallboard";
    private const string WallboardSecret = "wallboard-secret-0123456789";

    private static void AddApps(EmulatorOptions options) => options.Oidc.Apps =
    [
        new() { ClientId = WallboardId, ClientSecret = WallboardSecret, DisplayName = "Wallboard, floor 3", Roles = ["Wallboard"] },
        new() { ClientId = "test-script", ClientSecret = "script-secret-0123456789", DisplayName = "Nightly script" },
    ];

    [Theory]
    [InlineData(false, "{0}/.default")]
    [InlineData(true, "api://{0}/.default")]
    public async Task Token_ClientCredentials_IssuesAnAppOnlyTokenForTheWebApp(bool basic, string scopeFormat)
    {
        await using var oidc = await OidcTestClient.StartAsync(AddApps);
        var e = oidc.Emulator;

        var (status, body, response) = await RequestAsync(oidc, WallboardId, WallboardSecret, string.Format(System.Globalization.CultureInfo.InvariantCulture, scopeFormat, e.OidcClientId), basic);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("Bearer", (string?)body["token_type"]);
        Assert.Equal(3600, (int)body["expires_in"]!);
        Assert.Null(body["id_token"]);
        Assert.Null(body["refresh_token"]);
        var keys = new JsonWebKeySet(await oidc.Http.GetStringAsync($"{e.OidcTenantId}/discovery/v2.0/keys"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync((string)body["access_token"]!, new TokenValidationParameters
        {
            ValidIssuer = e.OidcAuthority,
            ValidAudience = e.OidcClientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.Zero,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(WallboardId, token.GetClaim("azp").Value);
        Assert.Equal(WallboardId, token.GetClaim("appid").Value);
        Assert.Equal("app", token.GetClaim("idtyp").Value);
        Assert.Equal("2.0", token.GetClaim("ver").Value);
        Assert.Equal(e.OidcTenantId, token.GetClaim("tid").Value);
        Assert.Equal("Wallboard, floor 3", token.GetClaim("name").Value);
        Assert.Equal(["Wallboard"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
        // The service principal's object id: a GUID, the subject too (app-only tokens have no pairwise subject).
        Assert.True(Guid.TryParse(token.GetClaim("oid").Value, out _));
        Assert.Equal(token.GetClaim("oid").Value, token.Subject);
        Assert.False(token.TryGetClaim("scp", out _));
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task Token_ClientCredentials_SameAppTwice_SameObjectIdOtherAppAnother()
    {
        await using var oidc = await OidcTestClient.StartAsync(AddApps);
        var scope = oidc.Emulator.OidcClientId + "/.default";

        var first = Oid((await RequestAsync(oidc, WallboardId, WallboardSecret, scope)).Body);
        var second = Oid((await RequestAsync(oidc, WallboardId, WallboardSecret, scope)).Body);
        var (_, script, _) = await RequestAsync(oidc, "test-script", "script-secret-0123456789", scope);

        Assert.Equal(first, second);
        Assert.NotEqual(first, Oid(script));
        // An app without an assigned role gets a token without roles, as on Entra.
        Assert.False(new JsonWebToken((string)script["access_token"]!).TryGetClaim("roles", out _));

        static string Oid(JsonObject body) => new JsonWebToken((string)body["access_token"]!).GetClaim("oid").Value;
    }

    [Theory]
    [InlineData(WallboardId, "wrong-secret-0123456789", false)]
    [InlineData(WallboardId, "wrong-secret-0123456789", true)]
    [InlineData("no-such-app", WallboardSecret, false)]
    public async Task Token_ClientCredentials_WrongSecretOrUnknownClient_InvalidClient401(string clientId, string secret, bool basic)
    {
        await using var oidc = await OidcTestClient.StartAsync(AddApps);

        var (status, body, response) = await RequestAsync(oidc, clientId, secret, oidc.Emulator.OidcClientId + "/.default", basic);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", (string?)body["error"]);
        Assert.False(string.IsNullOrEmpty((string?)body["error_description"]));
        Assert.Null(body["access_token"]);
        Assert.Equal(basic, response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Basic"));
    }

    [Theory]
    [InlineData(null, "invalid_request")]
    [InlineData("openid", "invalid_scope")]
    [InlineData("https://graph.microsoft.com/.default", "invalid_scope")]
    [InlineData("{0}/.default {0}/.default", "invalid_scope")]
    public async Task Token_ClientCredentials_MissingOrWrongScope_Refused400(string? scopeFormat, string error)
    {
        await using var oidc = await OidcTestClient.StartAsync(AddApps);
        var scope = scopeFormat is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, scopeFormat, oidc.Emulator.OidcClientId);

        var (status, body, _) = await RequestAsync(oidc, WallboardId, WallboardSecret, scope);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, (string?)body["error"]);
        Assert.Null(body["access_token"]);
    }

    [Fact]
    public async Task Token_ClientCredentials_TheWebAppItself_UnauthorizedClient()
    {
        await using var oidc = await OidcTestClient.StartAsync(AddApps);
        var e = oidc.Emulator;

        var (status, body, _) = await RequestAsync(oidc, e.OidcClientId, e.OidcClientSecret, e.OidcClientId + "/.default");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unauthorized_client", (string?)body["error"]);
    }

    [Fact]
    public async Task Token_AuthorizationCode_RedeemedByADaemonApp_InvalidGrant()
    {
        await using var oidc = await OidcTestClient.StartAsync(AddApps);
        var request = SignInRequest.Create();
        var code = await oidc.SignInAsync(request);

        using var response = await oidc.PostFormAsync(oidc.TokenPath, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = request.RedirectUri,
            ["code_verifier"] = request.Verifier,
            ["client_id"] = WallboardId,
            ["client_secret"] = WallboardSecret,
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (string?)body["error"]);
    }

    [Fact]
    public async Task Discovery_ListsTheClientCredentialsGrant()
    {
        await using var oidc = await OidcTestClient.StartAsync(AddApps);

        var document = JsonNode.Parse(await oidc.Http.GetStringAsync(oidc.Emulator.OidcMetadataAddress))!;

        Assert.Equal(["authorization_code", "client_credentials"], document["grant_types_supported"]!.AsArray().Select(g => (string?)g));
    }

    [Fact]
    public void GetErrors_BadApps_ReportsEach()
    {
        var options = new EmulatorOptions
        {
            Oidc =
            {
                Apps =
                [
                    new() { ClientId = "callsupervisor-dev", ClientSecret = "long-enough-secret-0001", DisplayName = "Clash with the web app", Roles = ["Wallboard"] },
                    new() { ClientId = "board", ClientSecret = "short", DisplayName = "", Roles = ["wallboard"] },
                    new() { ClientId = "board", ClientSecret = "long enough secret 0002", DisplayName = "Twice", Roles = ["Observer", "Observer"] },
                    new() { ClientId = "has space", ClientSecret = "long-enough-secret-0003", DisplayName = "Bad id" },
                ],
            },
        };

        var errors = EmulatorOptionsValidator.GetErrors(options);

        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Apps:0:ClientId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Apps:1:ClientSecret", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Apps:1:DisplayName", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Apps:1:Roles: 'wallboard'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Apps:2:ClientId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Apps:2:ClientSecret", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Apps:2:Roles lists a role twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Apps:3:ClientId", StringComparison.Ordinal));
        Assert.Equal(8, errors.Count);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> RequestAsync(
        OidcTestClient oidc, string clientId, string secret, string? scope, bool basic = false)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            fields["scope"] = scope;
        }
        if (!basic)
        {
            fields["client_id"] = clientId;
            fields["client_secret"] = secret;
        }
        var response = await oidc.PostFormAsync(oidc.TokenPath, fields, r =>
        {
            if (basic)
            {
                var pair = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}";
                r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
            }
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, body, response);
    }
}
