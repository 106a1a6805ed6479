using Azure.Core;
using CallSupervisor.Telephony.Http;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Http;

public sealed class CachedAccessTokenSourceTests
{
    [Fact]
    public async Task GetTokenAsync_TokenStillFresh_ReusesCachedToken()
    {
        var time = new InstantTimeProvider();
        var credential = new CountingCredential(time, TimeSpan.FromHours(1));
        var source = new CachedAccessTokenSource("ACS", credential, "https://communication.azure.com//.default", time);

        var first = await source.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(50));
        var second = await source.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", second);
        Assert.Equal(["https://communication.azure.com//.default"], credential.LastScopes!);
    }

    [Fact]
    public async Task GetTokenAsync_WithinRefreshMargin_FetchesNewToken()
    {
        var time = new InstantTimeProvider();
        var credential = new CountingCredential(time, TimeSpan.FromHours(1));
        var source = new CachedAccessTokenSource("ACS", credential, "scope", time);

        await source.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(56));

        Assert.Equal("token-2", await source.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_BearerHandler_AddsAuthorizationHeader()
    {
        var recorder = new RecordingHandler().Respond(System.Net.HttpStatusCode.OK);
        using var client = new HttpClient(new BearerTokenHandler(new StaticAccessTokenSource("abc")) { InnerHandler = recorder });

        using var response = await client.GetAsync("https://graph.example/v1.0/x", CancellationToken.None);

        Assert.Equal("Bearer abc", Assert.Single(recorder.Requests).Header("Authorization"));
    }

    /// <summary>Hands out token-1, token-2, … each valid for <paramref name="lifetime"/>.</summary>
    private sealed class CountingCredential(TimeProvider time, TimeSpan lifetime) : TokenCredential
    {
        private int _count;

        public string[]? LastScopes { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            LastScopes = requestContext.Scopes;
            return new AccessToken($"token-{Interlocked.Increment(ref _count)}", time.GetUtcNow() + lifetime);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
