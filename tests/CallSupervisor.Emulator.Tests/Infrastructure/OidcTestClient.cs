using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Tests.Infrastructure;

/// <summary>One authorization request's secrets, as the app's OpenID Connect handler would keep them.</summary>
public sealed record SignInRequest(string Verifier, string Challenge, string State, string Nonce, string RedirectUri, string ResponseMode)
{
    public static SignInRequest Create(string responseMode = "form_post", string? nonce = null)
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return new SignInRequest(verifier, challenge, "state-" + Guid.NewGuid().ToString("N"), nonce ?? "nonce-" + Guid.NewGuid().ToString("N"),
            OidcTestClient.RedirectUri, responseMode);
    }
}

/// <summary>
/// An emulator with its development OpenID Connect provider and an HttpClient that never follows redirects, playing
/// the browser (authorize, sign-in page) and the app (token redemption).
/// </summary>
public sealed partial class OidcTestClient : IAsyncDisposable
{
    /// <summary>Where Identity.Web's handler receives the answer by default (the app on localhost:5180).</summary>
    public const string RedirectUri = "http://localhost:5180/signin-oidc";

    /// <summary>Max Manager, the demo user with three roles (Supervisor, Auditor and Administrator).</summary>
    public static readonly string MaxManagerId = UserId("Max Manager");

    private OidcTestClient(EmulatorHost emulator)
    {
        Emulator = emulator;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false })
        {
            BaseAddress = emulator.BaseAddress,
        };
    }

    public EmulatorHost Emulator { get; }

    public HttpClient Http { get; }

    public string AuthorizePath => $"{Emulator.OidcTenantId}/oauth2/v2.0/authorize";

    public string TokenPath => $"{Emulator.OidcTenantId}/oauth2/v2.0/token";

    public string LogoutPath => $"{Emulator.OidcTenantId}/oauth2/v2.0/logout";

    public static async Task<OidcTestClient> StartAsync(Action<EmulatorOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = EmulatorTestContext.QuietOptions();
        configure?.Invoke(options);
        var emulator = await EmulatorHost.StartAsync(options, null, timeProvider ?? TimeProvider.System, CancellationToken.None);
        return new OidcTestClient(emulator);
    }

    /// <summary>The parameters Identity.Web sends (x-client-SKU included, which the provider ignores), with overrides; a null override removes one.</summary>
    public Dictionary<string, string> AuthorizeParameters(SignInRequest request, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = Emulator.OidcClientId,
            ["redirect_uri"] = request.RedirectUri,
            ["response_type"] = "code",
            ["response_mode"] = request.ResponseMode,
            ["scope"] = "openid profile offline_access",
            ["state"] = request.State,
            ["nonce"] = request.Nonce,
            ["code_challenge"] = request.Challenge,
            ["code_challenge_method"] = "S256",
            ["x-client-SKU"] = "ID_NET10_0",
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            parameters[name] = value;
        }
        return parameters.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
    }

    public async Task<HttpResponseMessage> GetAuthorizeAsync(IReadOnlyDictionary<string, string> parameters)
    {
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return await Http.GetAsync($"{AuthorizePath}?{query}");
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        configure?.Invoke(request);
        return Http.SendAsync(request);
    }

    /// <summary>Loads the sign-in page and posts its form back with <paramref name="userId"/> chosen, as a browser would.</summary>
    public async Task<HttpResponseMessage> ChooseUserAsync(SignInRequest request, string userId)
    {
        using var page = await GetAuthorizeAsync(AuthorizeParameters(request));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var fields = HiddenFields(await page.Content.ReadAsStringAsync());
        fields.Add(new("user_id", userId));
        return await PostFormAsync(AuthorizePath, fields);
    }

    /// <summary>The full browser part: returns the code the app receives (form_post page or query redirect) after checking its state.</summary>
    public async Task<string> SignInAsync(SignInRequest request, string? userId = null)
    {
        using var answer = await ChooseUserAsync(request, userId ?? MaxManagerId);
        var fields = await AnswerFieldsAsync(answer, request);
        Assert.Equal(request.State, fields["state"]);
        return fields["code"];
    }

    /// <summary>What reaches the redirect URI: the hidden fields of the form_post page, or the query of the 302.</summary>
    public static async Task<Dictionary<string, string>> AnswerFieldsAsync(HttpResponseMessage answer, SignInRequest request)
    {
        if (request.ResponseMode == "form_post")
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var html = await answer.Content.ReadAsStringAsync();
            Assert.Equal(request.RedirectUri, WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
            return HiddenFields(html).ToDictionary(f => f.Key, f => f.Value);
        }
        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.StartsWith(request.RedirectUri + "?", location.ToString(), StringComparison.Ordinal);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
    }

    /// <summary>The app's code redemption (client_secret_post unless <paramref name="basic"/>).</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> RedeemAsync(
        string code, SignInRequest request, string? verifier = null, string? secret = null, bool basic = false, string? redirectUri = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri ?? request.RedirectUri,
            ["code_verifier"] = verifier ?? request.Verifier,
        };
        secret ??= Emulator.OidcClientSecret;
        if (!basic)
        {
            fields["client_id"] = Emulator.OidcClientId;
            fields["client_secret"] = secret;
        }
        var response = await PostFormAsync(TokenPath, fields, r =>
        {
            if (basic)
            {
                var pair = $"{Uri.EscapeDataString(Emulator.OidcClientId)}:{Uri.EscapeDataString(secret)}";
                r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
            }
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, body, response);
    }

    /// <summary>The object id of a default demo user, by display name.</summary>
    public static string UserId(string name) => OidcOptions.CreateDemoUsers().Single(u => u.Name == name).Id.ToString();

    public static List<KeyValuePair<string, string>> HiddenFields(string html) =>
        [.. HiddenInput().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\">")]
    private static partial Regex FormAction();
}
