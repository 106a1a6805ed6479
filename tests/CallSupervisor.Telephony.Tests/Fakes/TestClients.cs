using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Graph;
using CallSupervisor.Telephony.Http;
using CallSupervisor.Telephony.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Telephony.Tests.Fakes;

/// <summary>Builds the clients through the app's own registration, over a <see cref="RecordingHandler"/>.</summary>
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

    /// <summary>
    /// The ACS client as <see cref="TelephonyServiceCollectionExtensions.AddTelephony"/> builds it — resilience
    /// handler, then the HMAC signer — with <paramref name="handler"/> as the transport.
    /// </summary>
    public static AcsCallAutomationClient Acs(RecordingHandler handler, TimeProvider? time = null, Action<AcsOptions>? configure = null)
    {
        var options = AcsOptions(configure);
        var services = Services(time ?? new InstantTimeProvider(), handler, options, GraphOptions(null));
        return services.BuildServiceProvider().GetRequiredService<AcsCallAutomationClient>();
    }

    /// <summary>The Graph client as the app builds it (resilience handler, then the bearer handler).</summary>
    public static GraphCallsClient Graph(RecordingHandler handler, Action<GraphOptions>? configure = null, TimeProvider? time = null, IAccessTokenSource? tokens = null)
    {
        var services = Services(time ?? new InstantTimeProvider(), handler, AcsOptions(null), GraphOptions(configure));
        if (tokens is not null)
        {
            services.AddKeyedSingleton(TelephonyServiceCollectionExtensions.GraphCredentialKey, tokens);
        }

        return services.BuildServiceProvider().GetRequiredService<GraphCallsClient>();
    }

    private static GraphOptions GraphOptions(Action<GraphOptions>? configure)
    {
        var options = new GraphOptions
        {
            StaticBearerToken = "dev-token",
            ClientState = "graph-client-state-secret",
            Retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(100), AttemptTimeout = TimeSpan.FromMinutes(5) },
        };
        configure?.Invoke(options);
        return options;
    }

    private static ServiceCollection Services(TimeProvider time, RecordingHandler handler, AcsOptions acs, GraphOptions graph)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddTelephony(new ConfigurationBuilder().Build());
        // The options as given (last registration wins), and the recording handler as the transport of both clients.
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(acs));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(graph));
        services.AddHttpClient<AcsCallAutomationClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddHttpClient<GraphCallsClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        return services;
    }
}
