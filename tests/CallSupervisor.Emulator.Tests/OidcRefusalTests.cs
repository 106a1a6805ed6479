using System.Net;
using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

public sealed class OidcRefusalTests
{
    [Theory]
    [InlineData("https://evil.example/signin-oidc")]
    [InlineData("http://192.168.1.20:5180/signin-oidc")]
    [InlineData("/signin-oidc")]
    [InlineData("http://localhost:5180/signin-oidc#fragment")]
    [InlineData("http://user@localhost:5180/signin-oidc")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://127.0.0.1/signin-oidc")]
    public async Task Authorize_RedirectUriNotAllowed_400PageAndNoRedirect(string redirectUri)
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var request = SignInRequest.Create() with { RedirectUri = redirectUri };

        using var response = await oidc.GetAuthorizeAsync(oidc.AuthorizeParameters(request));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("redirect_uri", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("client_id", "someone-else", "client_id")]
    [InlineData("client_id", null, "client_id is missing")]
    [InlineData("redirect_uri", null, "redirect_uri is missing")]
    [InlineData("response_type", "id_token", "response_type")]
    [InlineData("response_type", "code id_token", "response_type")]
    [InlineData("response_mode", "fragment", "response_mode")]
    [InlineData("scope", "profile email", "openid")]
    [InlineData("code_challenge", null, "code_challenge is required")]
    [InlineData("code_challenge", "too-short", "43 base64url")]
    [InlineData("code_challenge_method", "plain", "S256")]
    [InlineData("code_challenge_method", null, "S256")]
    public async Task Authorize_BadParameter_400WithReason(string name, string? value, string reason)
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var parameters = oidc.AuthorizeParameters(SignInRequest.Create(), new Dictionary<string, string?> { [name] = value });

        using var response = await oidc.GetAuthorizeAsync(parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_ParameterTwice_400()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var query = string.Join('&', oidc.AuthorizeParameters(SignInRequest.Create()).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        using var response = await oidc.Http.GetAsync($"{oidc.AuthorizePath}?{query}&redirect_uri={Uri.EscapeDataString("http://localhost:1/x")}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than once", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_ConfiguredRedirectUri_AllowedExactlyAsConfigured()
    {
        const string configured = "https://callsupervisor.dev.example/signin-oidc";
        await using var oidc = await OidcTestClient.StartAsync(o => o.Oidc.RedirectUris.Add(configured));

        using var allowed = await oidc.GetAuthorizeAsync(oidc.AuthorizeParameters(SignInRequest.Create() with { RedirectUri = configured }));
        using var otherPath = await oidc.GetAuthorizeAsync(oidc.AuthorizeParameters(SignInRequest.Create() with { RedirectUri = configured + "-x" }));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherPath.StatusCode);
    }

    [Fact]
    public async Task AuthorizePost_RedirectUriChangedInTheForm_RevalidatedAndRefused()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        using var page = await oidc.GetAuthorizeAsync(oidc.AuthorizeParameters(SignInRequest.Create()));
        var fields = OidcTestClient.HiddenFields(await page.Content.ReadAsStringAsync())
            .Select(f => f.Key == "redirect_uri" ? new KeyValuePair<string, string>(f.Key, "https://evil.example/cb") : f).ToList();
        fields.Add(new("user_id", OidcTestClient.MaxManagerId));

        using var response = await oidc.PostFormAsync(oidc.AuthorizePath, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("evil.example/cb\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task AuthorizePost_NoOrUnknownUser_400(string userId)
    {
        await using var oidc = await OidcTestClient.StartAsync();

        using var response = await oidc.ChooseUserAsync(SignInRequest.Create(), userId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose one of the demo users", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task AuthorizePost_FromAnotherSite_403(string header, string value)
    {
        await using var oidc = await OidcTestClient.StartAsync();
        using var page = await oidc.GetAuthorizeAsync(oidc.AuthorizeParameters(SignInRequest.Create()));
        var fields = OidcTestClient.HiddenFields(await page.Content.ReadAsStringAsync());
        fields.Add(new("user_id", OidcTestClient.MaxManagerId));

        using var response = await oidc.PostFormAsync(oidc.AuthorizePath, fields, r => r.Headers.Add(header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("name=\"code\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizePost_FromTheProvidersOwnPage_Accepted()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var request = SignInRequest.Create();
        using var page = await oidc.GetAuthorizeAsync(oidc.AuthorizeParameters(request));
        var fields = OidcTestClient.HiddenFields(await page.Content.ReadAsStringAsync());
        fields.Add(new("user_id", OidcTestClient.MaxManagerId));
        var origin = oidc.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority);

        using var response = await oidc.PostFormAsync(oidc.AuthorizePath, fields, r =>
        {
            r.Headers.Add("Origin", origin);
            r.Headers.Add("Sec-Fetch-Site", "same-origin");
        });

        Assert.Contains("code", (await OidcTestClient.AnswerFieldsAsync(response, request)).Keys);
    }

    [Fact]
    public async Task Logout_AllowedPostLogoutRedirect_RedirectsWithState()
    {
        await using var oidc = await OidcTestClient.StartAsync();
        var target = Uri.EscapeDataString("http://localhost:5180/signout-callback-oidc");

        using var response = await oidc.Http.GetAsync($"{oidc.LogoutPath}?post_logout_redirect_uri={target}&state=abc%2B1");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("http://localhost:5180/signout-callback-oidc?state=abc%2B1", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/signed-out")]
    [InlineData("http://localhost:5180/x#y")]
    [InlineData("not a url")]
    // A control character: browsers drop tabs and line breaks (another host), and a line break breaks the header.
    [InlineData("http://localhost:5180/x\r\nSet-Cookie: a=b")]
    [InlineData("http://localhost:5180/\t/x")]
    [InlineData("http://localhost:5180/a\u0000b")]
    public async Task Logout_PostLogoutRedirectNotAllowed_400AndNoRedirect(string target)
    {
        await using var oidc = await OidcTestClient.StartAsync();

        using var response = await oidc.Http.GetAsync($"{oidc.LogoutPath}?post_logout_redirect_uri={Uri.EscapeDataString(target)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("post_logout_redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_WithoutRedirect_ShowsSignedOutPage()
    {
        await using var oidc = await OidcTestClient.StartAsync();

        using var response = await oidc.Http.GetAsync(oidc.LogoutPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Signed out</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_NotAForm_InvalidRequest()
    {
        await using var oidc = await OidcTestClient.StartAsync();

        using var response = await oidc.Http.PostAsync(oidc.TokenPath, new StringContent("{\"grant_type\":\"authorization_code\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
