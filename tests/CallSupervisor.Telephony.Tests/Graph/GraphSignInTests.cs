using System.Net;
using Azure.Core;
using Azure.Identity;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Telephony.Http;
using CallSupervisor.Core.Tests;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Graph;

/// <summary>A Graph (or ACS Entra) sign-in that fails: a short readable failure, and no new attempt on every action.</summary>
public sealed class GraphSignInTests
{
    private const string AzureIdentityText =
        "ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '00000000'. Trace ID: 1 Correlation ID: 2 Timestamp: 2026-12-06 01:00:00Z\nSee the troubleshooting guide for more information. https://aka.ms/azsdk/net/identity/clientsecretcredential/troubleshoot";

    [Fact]
    public async Task CancelMediaProcessingAsync_CredentialFails_ReadableFailureWithoutRequest()
    {
        var time = new ManualTimeProvider();
        var credential = new FailingCredential(new AuthenticationFailedException(AzureIdentityText));
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, "{}");
        var client = TestClients.Graph(recorder, time: time, tokens: new CachedAccessTokenSource("Graph", credential, "scope", time));

        var result = await client.CancelMediaProcessingAsync(new CallId("c1"), "ctx", CancellationToken.None);

        Assert.Equal("AuthenticationFailed", result.Error?.Code);
        Assert.Equal("Graph sign-in failed: AADSTS7000215: Invalid client secret provided.", result.Error?.Message);
        Assert.Empty(recorder.Requests);
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task CancelMediaProcessingAsync_SecondActionWithinCooldown_CredentialNotAskedAgainUntilItPasses()
    {
        var time = new ManualTimeProvider();
        var credential = new FailingCredential(new CredentialUnavailableException("ManagedIdentityCredential authentication unavailable. No response from the IMDS endpoint."));
        var client = TestClients.Graph(new RecordingHandler().Respond(HttpStatusCode.OK, "{}"), time: time, tokens: new CachedAccessTokenSource("Graph", credential, "scope", time));

        await client.CancelMediaProcessingAsync(new CallId("c1"), "ctx", CancellationToken.None);
        time.Advance(CachedAccessTokenSource.FailureCooldown - TimeSpan.FromSeconds(1));
        var second = await client.CancelMediaProcessingAsync(new CallId("c1"), "ctx", CancellationToken.None);

        Assert.StartsWith("Graph sign-in failed: ", second.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(1, credential.Calls);

        time.Advance(TimeSpan.FromSeconds(1));
        await client.CancelMediaProcessingAsync(new CallId("c1"), "ctx", CancellationToken.None);

        Assert.Equal(2, credential.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_AcsEntraRetriesExhausted_ShortReasonIsTheCause()
    {
        var time = new ManualTimeProvider();
        var retries = new AuthenticationFailedException(
            "DefaultAzureCredential authentication failed: Retry failed after 4 tries. Retry settings can be adjusted in ClientOptions.Retry.",
            new AggregateException(new HttpRequestException("Connection refused (login.microsoftonline.com:443)")));
        var source = new CachedAccessTokenSource("ACS", new FailingCredential(retries), "scope", time);

        var error = await Assert.ThrowsAsync<SignInFailedException>(() => source.GetTokenAsync(CancellationToken.None).AsTask());

        Assert.Equal("ACS sign-in failed: Connection refused (login.microsoftonline.com:443)", error.Message);
    }

    [Fact]
    public async Task GetTokenAsync_SucceedsAfterCooldown_FailureForgotten()
    {
        var time = new ManualTimeProvider();
        var credential = new FailingCredential(new AuthenticationFailedException("x authentication failed: AADSTS700016: Application not found."));
        var source = new CachedAccessTokenSource("Graph", credential, "scope", time);
        await Assert.ThrowsAsync<SignInFailedException>(() => source.GetTokenAsync(CancellationToken.None).AsTask());

        credential.Failure = null;
        time.Advance(CachedAccessTokenSource.FailureCooldown);

        Assert.Equal("token", await source.GetTokenAsync(CancellationToken.None));
    }

    /// <summary>Throws <see cref="Failure"/> (or hands out a token when it is null) and counts the calls.</summary>
    private sealed class FailingCredential(Exception failure) : TokenCredential
    {
        private int _calls;

        public Exception? Failure { get; set; } = failure;

        public int Calls => Volatile.Read(ref _calls);

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Failure is { } failure ? throw failure : new AccessToken("token", DateTimeOffset.MaxValue);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

/// <summary>The credential the app builds for Graph: one try, so a failing sign-in is reported at once.</summary>
public sealed class GraphCredentialTests
{
    [Fact]
    public async Task FailFast_IdentityServiceUnavailable_AsksOnceNotFourTimes()
    {
        var recorder = new RecordingHandler().Respond(System.Net.HttpStatusCode.ServiceUnavailable);
        var options = TelephonyServiceCollectionExtensions.FailFast(new ClientSecretCredentialOptions
        {
            Transport = new Azure.Core.Pipeline.HttpClientTransport(new HttpClient(recorder)),
            DisableInstanceDiscovery = true,
        });
        var credential = new ClientSecretCredential("00000000-0000-0000-0000-000000000001", "client", "secret", options);
        var source = new CachedAccessTokenSource("Graph", credential, "https://graph.microsoft.com/.default", TimeProvider.System);

        var error = await Assert.ThrowsAsync<SignInFailedException>(() => source.GetTokenAsync(CancellationToken.None).AsTask());

        Assert.StartsWith("Graph sign-in failed: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Retry failed after", error.Message, StringComparison.Ordinal);
        Assert.InRange(recorder.Requests.Count, 1, 2);
    }
}
