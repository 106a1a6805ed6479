using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Acs.Auth;
using CallSupervisor.Telephony.Graph;
using CallSupervisor.Telephony.Http;
using CallSupervisor.Telephony.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallSupervisor.Telephony.Tests.Fakes;

/// <summary>Builds the clients as DI would, over a <see cref="RecordingHandler"/>.</summary>
public static class TestClients
{
    /// <summary>The endpoint of the contract examples.</summary>
    public const string Endpoint = "https://contoso.communications.azure.com/";

    /// <summary>base64("call-supervisor-test-access-key!").</summary>
    public const string AccessKey = "Y2FsbC1zdXBlcnZpc29yLXRlc3QtYWNjZXNzLWtleSE=";

    public const string CallConnectionId = "18dea47f-b081-4107-9a5c-4300819d2c6c";

    public static AcsOptions AcsOptions(Action<AcsOptions>? configure = null)
    {
        var options = new AcsOptions
        {
            ConnectionString = $"endpoint={Endpoint};accesskey={AccessKey}",
            CallbackBaseUrl = "https://app.contoso.com",
            Retry = new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(10), AttemptTimeout = TimeSpan.FromMinutes(5) },
            CallbackAuth = new AcsCallbackAuthOptions { Audience = "resource-immutable-id" },
        };
        configure?.Invoke(options);
        return options;
    }

    public static AcsCallAutomationClient Acs(RecordingHandler handler, TimeProvider? time = null, Action<AcsOptions>? configure = null)
    {
        time ??= new InstantTimeProvider();
        var options = AcsOptions(configure);
        var signer = new AcsHmacAuthenticationHandler(AccessKey, time) { InnerHandler = handler };
        var http = new HttpClient(signer) { BaseAddress = new Uri(Endpoint), Timeout = Timeout.InfiniteTimeSpan };
        return new AcsCallAutomationClient(http, Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<AcsCallAutomationClient>.Instance);
    }

    public static GraphCallsClient Graph(RecordingHandler handler, Action<GraphOptions>? configure = null)
    {
        var options = new GraphOptions
        {
            StaticBearerToken = "dev-token",
            ClientState = "graph-client-state-secret",
            Retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(100), AttemptTimeout = TimeSpan.FromMinutes(5) },
        };
        configure?.Invoke(options);
        var bearer = new BearerTokenHandler(new StaticAccessTokenSource(options.StaticBearerToken!)) { InnerHandler = handler };
        var http = new HttpClient(bearer) { BaseAddress = options.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
        return new GraphCallsClient(http, Microsoft.Extensions.Options.Options.Create(options), new InstantTimeProvider(), NullLogger<GraphCallsClient>.Instance);
    }
}
