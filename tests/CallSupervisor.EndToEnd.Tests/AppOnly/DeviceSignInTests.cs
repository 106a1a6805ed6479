using System.Net;

namespace CallSupervisor.EndToEnd.Tests.AppOnly;

/// <summary>
/// A TV cannot send a header to a page: the device sign-in takes an app-only token once, in the URL or a form post,
/// and turns it into a long, sliding session cookie for the board's pages.
/// </summary>
[Collection(AppOnlyCollection.Name)]
public sealed class DeviceSignInTests(AppOnlyFixture fixture)
{
    private const string SessionCookie = "CallSupervisor.Session";

    [Fact]
    public async Task DeviceGet_WallboardToken_SetsAPersistentSession_TheBoardPageOpens()
    {
        var token = await fixture.WallboardTokenAsync();
        var cookies = new CookieContainer();
        using var http = Client(cookies);

        using var signIn = await http.GetAsync("account/device?returnUrl=%2Fagents&access_token=" + Uri.EscapeDataString(token));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/agents", signIn.Headers.Location?.OriginalString);
        var session = Assert.Single(cookies.GetCookies(fixture.BaseAddress), c => c.Name == SessionCookie);
        // Persistent and long: a screen on the wall is not asked to sign in again after a browser restart or a night.
        Assert.InRange(session.Expires.ToUniversalTime(), DateTime.UtcNow.AddDays(29), DateTime.UtcNow.AddDays(31));
        Assert.True(session.HttpOnly);
        Assert.True(signIn.Headers.CacheControl?.NoStore, "a response to a token in the URL is not stored");
        using var page = await http.GetAsync("agents");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(AppOnlyFixture.Wallboard.DisplayName, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "/wallboard")]
    [InlineData("//evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    public async Task DevicePost_WallboardToken_RedirectsToTheLocalReturnUrlOnly(string? returnUrl, string expected)
    {
        var fields = new Dictionary<string, string> { ["access_token"] = await fixture.WallboardTokenAsync() };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }
        var cookies = new CookieContainer();
        using var http = Client(cookies);

        using var signIn = await http.PostAsync("account/device", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(expected, signIn.Headers.Location?.OriginalString);
        Assert.Contains(cookies.GetCookies(fixture.BaseAddress), c => c.Name == SessionCookie);
        using var board = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    [InlineData("forged")]
    public async Task DeviceGet_BadToken_Readable401Page_NoSession(string token)
    {
        if (token == "forged")
        {
            token = AppOnlyHubTests.Tamper(await fixture.WallboardTokenAsync(), p => p["roles"] = new System.Text.Json.Nodes.JsonArray("Supervisor"));
        }
        var cookies = new CookieContainer();
        using var http = Client(cookies);

        using var signIn = await http.GetAsync("account/device?returnUrl=%2F&access_token=" + Uri.EscapeDataString(token));
        var html = await signIn.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal("text/html", signIn.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>This screen could not sign in</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetCookies(fixture.BaseAddress), c => c.Name == SessionCookie);
    }

    [Fact]
    public async Task DeviceSession_OfAnAppThatMayAlsoAct_IsAScreenOnly()
    {
        // Its token may act through the hub; the screen it signs in may not: only the screen roles reach the session.
        var token = await fixture.TokenAsync(AppOnlyFixture.ScreenAndSupervisorId, AppOnlyFixture.OtherSecret);
        var cookies = new CookieContainer();
        using var http = Client(cookies);

        using var signIn = await http.GetAsync("account/device?returnUrl=%2Fagents&access_token=" + Uri.EscapeDataString(token));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var page = await http.GetAsync("agents");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("A script that may also act", html, StringComparison.Ordinal);
        // The header lists the session's roles (prerendered), and the Agents page offers state buttons only to those who may act.
        Assert.Contains("data-testid=\"user-role\">Wallboard</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("agent-set-away", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceGet_TokenWithoutAScreenRole_Readable403Page_NoSession()
    {
        var token = await fixture.TokenAsync(AppOnlyFixture.AgentDeskId, AppOnlyFixture.OtherSecret);
        var cookies = new CookieContainer();
        using var http = Client(cookies);

        using var signIn = await http.GetAsync("account/device?access_token=" + Uri.EscapeDataString(token));
        var html = await signIn.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Contains("Wallboard", html, StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetCookies(fixture.BaseAddress), c => c.Name == SessionCookie);
    }

    [Fact]
    public async Task DeviceSession_OfARevokedScreen_IsEndedAtItsNextRequest()
    {
        var token = await fixture.TokenAsync(AppOnlyFixture.RevokedScreenId, AppOnlyFixture.OtherSecret);
        var cookies = new CookieContainer();
        using var http = Client(cookies);

        using var signIn = await http.GetAsync("account/device?returnUrl=%2Fagents&access_token=" + Uri.EscapeDataString(token));
        using var page = await http.GetAsync("agents");

        // The token is valid (the revocation is the app's, not the tenant's), so a session is made; it does not last.
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/oauth2/v2.0/authorize", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetCookies(fixture.BaseAddress), c => c.Name == SessionCookie);
    }

    private HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };
}
