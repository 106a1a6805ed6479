using System.Net;
using System.Text;
using CallSupervisor.Web.Security;
using CallSupervisor.Web.Tests.Callbacks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Tests.Security;

/// <summary>
/// The app's own protections, in memory: start-up refusals outside Development, host filtering, the hub origin
/// check, security headers, Graph's validation echo, and the callback rate limit.
/// </summary>
public sealed class HardeningTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Production_CallbackAuthenticationOff_RefusesToStartNamingTheSetting()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false, environment: Environments.Production);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Acs:CallbackAuth:Enabled=false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    public async Task Production_NoHostFiltering_RefusesToStart(string hosts)
    {
        await using var app = new CallbackAppFactory(callbackAuth: true, new Dictionary<string, string> { ["AllowedHosts"] = hosts }, environment: Environments.Production);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("AllowedHosts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_LocalSignIn_RefusesToStart()
    {
        await using var app = new CallbackAppFactory(callbackAuth: true, new Dictionary<string, string> { ["Security:LocalSignIn"] = "true" }, environment: Environments.Production);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Security:LocalSignIn", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Acs:CallbackBaseUrl must be set outside Development")]
    [InlineData("http://supervisor.contoso.com/", "Acs:CallbackBaseUrl must be an https URL")]
    public async Task Production_NoHttpsCallbackBaseUrl_RefusesToStartNamingTheSetting(string value, string message)
    {
        await using var app = new CallbackAppFactory(callbackAuth: true, new Dictionary<string, string> { ["Acs:CallbackBaseUrl"] = value }, environment: Environments.Production);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureAd:Instance", "http://login.microsoftonline.com/", "AzureAd:Instance must be an absolute https URL")]
    [InlineData("AzureAd:Instance", "", "AzureAd:Instance must be an absolute https URL")]
    [InlineData("AzureAd:Authority", "http://login.microsoftonline.com/tenant/v2.0", "AzureAd:Authority must be an absolute https URL")]
    [InlineData("AzureAd:TenantId", "", "AzureAd:TenantId must be set")]
    [InlineData("AzureAd:ClientId", "", "AzureAd:ClientId must be set")]
    [InlineData("AzureAd:ClientSecret", "", "AzureAd:ClientSecret (or AzureAd:ClientCredentials) must be set")]
    public async Task Production_UnusableSignInSetting_RefusesToStartNamingIt(string key, string value, string message)
    {
        await using var app = new CallbackAppFactory(callbackAuth: true, new Dictionary<string, string> { [key] = value }, environment: Environments.Production);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_ValidSettings_Starts()
    {
        await using var app = new CallbackAppFactory(callbackAuth: true, environment: Environments.Production);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignInBroken_HealthAndCallbacksStillAnswered()
    {
        // Sign-in trouble at run time (here: its options cannot be built, as with an http authority in Production).
        await using var app = new CallbackAppFactory(callbackAuth: true, services: services =>
            services.PostConfigure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(
                Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme,
                _ => throw new InvalidOperationException("sign-in is broken")), environment: Environments.Production);
        using var client = app.CreateClient();

        using var live = await client.GetAsync("/health");
        using var ready = await client.GetAsync("/health/ready");
        using var incoming = await client.PostAsync("/api/callbacks/incoming?key=" + CallbackAppFactory.EventGridKey, Json("""
            [{"id":"v1","topic":"t","subject":"s","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-21T10:00:00Z","dataVersion":"1","data":{"validationCode":"code-1"}}]
            """));
        using var acs = await client.PostAsync("/api/callbacks/acs", Json("[]"));
        // The fault is real: a page, which runs sign-in, fails with it (the test server hands the exception over).
        var page = await Record.ExceptionAsync(() => client.GetAsync("/invitations"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, incoming.StatusCode);
        Assert.Contains("code-1", await incoming.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Reached the callback's own authentication (its token), not a sign-in failure.
        Assert.Equal(HttpStatusCode.Unauthorized, acs.StatusCode);
        Assert.Equal("sign-in is broken", page?.Message);
    }

    [Fact]
    public async Task ForeignHostHeader_Rejected400BeforeAnythingElse()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/calls/negotiate?negotiateVersion=1");
        request.Headers.Host = "evil.example";
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("https://localhost", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    [InlineData("https://wallboard.example.com", HttpStatusCode.OK)]
    public async Task HubNegotiate_OnlyOwnAndListedOrigins(string origin, HttpStatusCode expected)
    {
        await using var app = new CallbackAppFactory(callbackAuth: false, new Dictionary<string, string> { ["Security:AllowedOrigins:0"] = "https://wallboard.example.com" });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/calls/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task HubNegotiate_Anonymous_Is401NotARedirect()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false, user: null);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.PostAsync("/hubs/calls/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/invitations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://127.0.0.1:9", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphValidation_GraphShapedToken_EchoedAsPlainTextWithNosniff()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false);
        using var client = app.CreateClient();
        const string token = "Validation: Testing client application reachability for subscription Request-Id: 25e4a1f7-3a5c-4f66-9b0a-2f3c7d2b1e90";

        using var response = await client.PostAsync("/api/callbacks/graph?validationToken=" + Uri.EscapeDataString(token), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(token, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("a\nb")]
    public async Task GraphValidation_NotATokenShape_400AndNotEchoed(string token)
    {
        await using var app = new CallbackAppFactory(callbackAuth: false);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/callbacks/graph?validationToken=" + Uri.EscapeDataString(token), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void GraphValidationToken_LongerThanTheLimit_IsNotWellFormed()
    {
        Assert.True(CallSupervisor.Web.Callbacks.GraphValidationToken.IsWellFormed(new string('a', 1024)));
        Assert.False(CallSupervisor.Web.Callbacks.GraphValidationToken.IsWellFormed(new string('a', 1025)));
    }

    [Fact]
    public async Task Callbacks_OverTheRateLimit_503WithRetryAfter()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false, new Dictionary<string, string> { ["Security:CallbackRequestsPerSecond"] = "3" });
        using var client = app.CreateClient();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add(await client.PostAsync("/api/callbacks/acs", Json("[]")));
        }

        var limited = statuses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        Assert.Contains(statuses, r => r.StatusCode == HttpStatusCode.OK);
        statuses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task SignIn_OverTheLimitFromOneAddress_429WithRetryAfter()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false, new Dictionary<string, string> { ["Security:SignInsPerMinute"] = "2" }, user: null);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var first = await client.GetAsync("/account/sign-in");
        var second = await client.GetAsync("/signin-oidc");
        var third = await client.GetAsync("/account/sign-in");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        // Other requests are not counted.
        using var page = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        first.Dispose();
        second.Dispose();
        third.Dispose();
    }

    [Fact]
    public async Task DeviceSignIn_OverTheLimitFromOneAddress_429_ItCountsAsSignIn()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false, new Dictionary<string, string> { ["Security:SignInsPerMinute"] = "2" }, user: null);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var first = await client.GetAsync("/account/device");
        using var second = await client.PostAsync("/account/device", new FormUrlEncodedContent([]));
        using var third = await client.GetAsync("/account/device?access_token=guess");

        // Without a token: the readable refusal, not a server error.
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task DeviceSessionLifetime_NotPositive_RefusesToStartNamingIt()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false, new Dictionary<string, string> { ["Security:DeviceSessionLifetime"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Security:DeviceSessionLifetime must be positive", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/calls?x=1", "/calls?x=1")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/invitations", "/invitations")]
    [InlineData("/?call=call%2F1", "/?call=call%2F1")]
    [InlineData("/%09/evil.example/", "/%09/evil.example/")]
    // Browsers drop tabs and line breaks from URLs: "/\t/evil.example/" is "//evil.example/" to Chromium.
    [InlineData("/\t/evil.example/", "/")]
    [InlineData("/\t\\evil.example", "/")]
    [InlineData("/\r/x", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/\r\nSet-Cookie: x=1", "/")]
    [InlineData("/a\u0000b", "/")]
    [InlineData("/a\u007Fb", "/")]
    [InlineData("/a\u0085b", "/")]
    [InlineData("\t/evil.example", "/")]
    [InlineData("\\\\evil.example", "/")]
    [InlineData("//", "/")]
    [InlineData("/\\", "/")]
    [InlineData("http:/evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("~/x", "/")]
    [InlineData("calls", "/")]
    public void SignIn_ReturnUrl_OnlyLocalPaths(string? returnUrl, string expected) =>
        Assert.Equal(expected, AccountEndpoints.LocalOnly(returnUrl));
}
