using System.Net;
using Azure.Core;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Graph;
using CallSupervisor.Telephony.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Telephony.Tests;

public sealed class TelephonyServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> EmulatorSettings = new()
    {
        ["Acs:ConnectionString"] = $"endpoint=http://localhost:5123/;accesskey={TestClients.AccessKey}",
        ["Acs:CallbackBaseUrl"] = "http://localhost:5000",
        ["Acs:CallbackAuth:Audience"] = "emulator-resource",
        ["Acs:CallbackAuth:MetadataAddress"] = "http://localhost:5123/calling/.well-known/acsopenidconfiguration",
        ["Acs:CallbackAuth:RequireHttpsMetadata"] = "false",
        ["Graph:BaseUrl"] = "http://localhost:5123/graph/v1.0/",
        ["Graph:StaticBearerToken"] = "dev-token",
        ["Graph:ClientState"] = "dev-client-state",
    };

    [Fact]
    public void AddTelephony_EmulatorSettings_ResolvesEveryService()
    {
        using var provider = Build(EmulatorSettings);

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<AcsCallAutomationClient>(provider.GetRequiredService<ICallAutomationPort>());
        Assert.IsType<GraphCallsClient>(provider.GetRequiredService<IGraphCallsPort>());
        Assert.NotNull(provider.GetRequiredService<AcsCallbackParser>());
        Assert.NotNull(provider.GetRequiredService<EventGridParser>());
        Assert.Same(provider.GetRequiredService<GraphNotificationParser>(), provider.GetRequiredService<GraphNotificationParser>());
        Assert.NotNull(provider.GetRequiredService<AcsCallbackAuthenticator>());
    }

    [Fact]
    public async Task AddTelephony_GraphDisabledWithoutGraphSettings_BuildsNothingOfGraphAndRefusesGraphRequests()
    {
        var acsOnly = EmulatorSettings.Where(s => !s.Key.StartsWith("Graph:", StringComparison.Ordinal)).ToDictionary();
        acsOnly["Graph:Enabled"] = "false";
        using var provider = Build(acsOnly);

        provider.GetRequiredService<IStartupValidator>().Validate();
        var graph = provider.GetRequiredService<IGraphCallsPort>();
        var result = await graph.CancelMediaProcessingAsync(new CallId("c1"), "ctx", CancellationToken.None);

        Assert.IsNotType<GraphCallsClient>(graph);
        Assert.Equal("GraphDisabled", result.Error?.Code);
        Assert.Null(provider.GetService<GraphNotificationParser>());
        Assert.Null(provider.GetService<GraphCallsClient>());
        Assert.Null(provider.GetKeyedService<TokenCredential>(TelephonyServiceCollectionExtensions.GraphCredentialKey));
        Assert.IsType<AcsCallAutomationClient>(provider.GetRequiredService<ICallAutomationPort>());
    }

    [Fact]
    public void AddTelephony_MissingSettings_FailsAtStartWithWhatToSet()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Acs:ConnectionString", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Graph:ClientState", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcsPort_ConnectionString_SignsRequestsToItsEndpoint()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, "{}");
        using var provider = Build(EmulatorSettings, services => services.AddHttpClient<AcsCallAutomationClient>().ConfigurePrimaryHttpMessageHandler(() => recorder));

        var result = await provider.GetRequiredService<ICallAutomationPort>().MuteAsync(new CallId("c1"), CommunicationIdentifier.AcsUser("8:acs:u"), "m", CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        Assert.Equal("http://localhost:5123/calling/callConnections/c1/participants:mute?api-version=2024-09-15", sent.Uri.AbsoluteUri);
        Assert.StartsWith("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=", sent.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcsPort_ManagedIdentity_SendsEntraBearerForAcsScope()
    {
        var settings = new Dictionary<string, string?>(EmulatorSettings)
        {
            ["Acs:ConnectionString"] = null,
            ["Acs:Endpoint"] = "https://contoso.communication.azure.com",
            ["Acs:UseManagedIdentity"] = "true",
        };
        var credential = new StaticCredential();
        var recorder = new RecordingHandler().Respond(HttpStatusCode.NoContent);
        using var provider = Build(settings, services =>
        {
            services.AddHttpClient<AcsCallAutomationClient>().ConfigurePrimaryHttpMessageHandler(() => recorder);
        }, credential);

        var result = await provider.GetRequiredService<ICallAutomationPort>().HangUpAsync(new CallId("c1"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal("Bearer entra-token", Assert.Single(recorder.Requests).Header("Authorization"));
        Assert.Equal(["https://communication.azure.com//.default"], credential.Scopes!);
    }

    [Fact]
    public async Task GraphPort_StaticToken_SendsBearerToBaseUrl()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, """{"id":"op","status":"completed"}""");
        using var provider = Build(EmulatorSettings, services => services.AddHttpClient<GraphCallsClient>().ConfigurePrimaryHttpMessageHandler(() => recorder));

        var result = await provider.GetRequiredService<IGraphCallsPort>().CancelMediaProcessingAsync(new CallId("g1"), "ctx", CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        Assert.Equal("http://localhost:5123/graph/v1.0/communications/calls/g1/cancelMediaProcessing", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer dev-token", sent.Header("Authorization"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null, TokenCredential? acsCredential = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (acsCredential is not null)
        {
            // Registered first: AddTelephony only adds its DefaultAzureCredential when none is registered.
            services.AddKeyedSingleton(TelephonyServiceCollectionExtensions.AcsCredentialKey, acsCredential);
        }

        services.AddTelephony(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class StaticCredential : TokenCredential
    {
        public string[]? Scopes { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
