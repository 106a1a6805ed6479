using System.Net;
using System.Net.Http.Headers;

namespace CallSupervisor.Web.Tests.Callbacks;

/// <summary>
/// The CloudEvents webhook validation handshake (CloudEvents-schema Event Grid subscriptions): <c>OPTIONS</c> with
/// <c>WebHook-Request-Origin</c> is answered 200 with <c>WebHook-Allowed-Origin</c>, authenticated as the endpoint's
/// POST is.
/// </summary>
public sealed class WebhookHandshakeTests : IAsyncLifetime
{
    private const string Origin = "eventgrid.azure.net";
    private readonly CallbackAppFactory _open = new(callbackAuth: false);
    private readonly CallbackAppFactory _secured = new(callbackAuth: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _open.DisposeAsync();
        await _secured.DisposeAsync();
    }

    private static HttpRequestMessage Handshake(string path, string? origin = Origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("WebHook-Request-Origin", origin);
        }
        return request;
    }

    [Fact]
    public async Task Options_EventGridWithTheKey_AllowsTheOrigin()
    {
        using var client = _open.CreateClient();

        using var response = await client.SendAsync(Handshake("/api/callbacks/incoming?key=" + CallbackAppFactory.EventGridKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Origin, Assert.Single(response.Headers.GetValues("WebHook-Allowed-Origin")));
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Rate")));
    }

    [Theory]
    [InlineData("/api/callbacks/incoming")]
    [InlineData("/api/callbacks/incoming?key=wrong-key-0123456789")]
    public async Task Options_EventGridWithoutTheKey_Returns401(string path)
    {
        using var client = _open.CreateClient();

        using var response = await client.SendAsync(Handshake(path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("WebHook-Allowed-Origin"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("two.example, origins.example")]
    [InlineData("with space.example")]
    public async Task Options_WithoutAUsableOrigin_Returns400(string? origin)
    {
        using var client = _open.CreateClient();

        using var response = await client.SendAsync(Handshake("/api/callbacks/incoming?key=" + CallbackAppFactory.EventGridKey, origin));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("WebHook-Request-Origin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_AcsUnsigned_Returns401()
    {
        using var client = _secured.CreateClient();

        using var response = await client.SendAsync(Handshake("/api/callbacks/acs"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Options_AcsGarbageBearer_Returns401()
    {
        using var client = _secured.CreateClient();
        using var request = Handshake("/api/callbacks/acs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.jwt");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Options_AcsAuthenticated_AllowsTheOrigin()
    {
        // With callback authentication off (development), as the POST.
        using var client = _open.CreateClient();

        using var response = await client.SendAsync(Handshake("/api/callbacks/acs"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Origin, Assert.Single(response.Headers.GetValues("WebHook-Allowed-Origin")));
    }
}
