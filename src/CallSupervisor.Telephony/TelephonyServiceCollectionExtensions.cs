using Azure.Core;
using Azure.Identity;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Acs.Auth;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Graph;
using CallSupervisor.Telephony.Http;
using CallSupervisor.Telephony.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CallSupervisor.Telephony;

/// <summary>Registers the telephony adapters: options, typed clients with their auth handlers, parsers, authenticator.</summary>
public static class TelephonyServiceCollectionExtensions
{
    /// <summary>Key of the keyed <see cref="TokenCredential"/> used for ACS with Entra (replaceable, e.g. in tests).</summary>
    public const string AcsCredentialKey = "CallSupervisor.Telephony.Acs";

    /// <summary>Key of the keyed <see cref="TokenCredential"/> used for Graph client credentials.</summary>
    public const string GraphCredentialKey = "CallSupervisor.Telephony.Graph";

    /// <summary>Name of the HttpClient that fetches the ACS callback OpenID metadata and keys.</summary>
    public const string CallbackMetadataHttpClientName = "CallSupervisor.Telephony.AcsCallbackMetadata";

    /// <summary>
    /// Binds <c>Acs</c> and <c>Graph</c> from <paramref name="configuration"/> (validated at start), and registers
    /// <see cref="ICallAutomationPort"/>/<see cref="IGraphCallsPort"/> (transient typed clients),
    /// <see cref="AcsCallbackParser"/>, <see cref="EventGridParser"/>, <see cref="GraphNotificationParser"/> and
    /// <see cref="AcsCallbackAuthenticator"/> (singletons). With <c>Graph:Enabled=false</c> the Graph port is a
    /// stub that refuses every request and no Graph parser, client or credential is registered.
    /// </summary>
    public static IServiceCollection AddTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetService<System.Diagnostics.Metrics.IMeterFactory>() is { } meters
            ? new CallSupervisor.Core.Diagnostics.CallSupervisorMeter(meters) : new CallSupervisor.Core.Diagnostics.CallSupervisorMeter());
        services.TryAddSingleton<CallSupervisor.Core.Diagnostics.CallSupervisorMetrics>();

        services.AddOptions<AcsOptions>().Bind(configuration.GetSection(AcsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AcsOptions>, AcsOptionsValidator>());
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());

        AddAcsClient(services);
        if (IsGraphEnabled(configuration))
        {
            AddGraphClient(services);
        }
        else
        {
            // ACS-only: nothing of Graph (credential, token source, HttpClient, parser) is constructed.
            services.TryAddSingleton<IGraphCallsPort, DisabledGraphCallsPort>();
        }

        AddCallbacks(services, IsGraphEnabled(configuration));
        return services;
    }

    /// <summary>Whether <c>Graph:Enabled</c> is on (the default), read at registration: it decides what exists.</summary>
    public static bool IsGraphEnabled(IConfiguration configuration) =>
        configuration.GetSection(GraphOptions.SectionName).GetValue(nameof(GraphOptions.Enabled), true);

    private static void AddAcsClient(IServiceCollection services)
    {
        services.TryAddKeyedSingleton<TokenCredential>(AcsCredentialKey, (sp, _) =>
        {
            var acs = sp.GetRequiredService<IOptions<AcsOptions>>().Value;
            return new DefaultAzureCredential(FailFast(new DefaultAzureCredentialOptions { ManagedIdentityClientId = acs.ManagedIdentityClientId }));
        });

        // Singleton so the token cache outlives the handler rotation of IHttpClientFactory.
        services.TryAddKeyedSingleton<IAccessTokenSource>(AcsCredentialKey, (sp, key) => new CachedAccessTokenSource(
            "ACS", sp.GetRequiredKeyedService<TokenCredential>(key), AcsOptions.EntraScope, sp.GetRequiredService<TimeProvider>()));

        services.AddHttpClient<AcsCallAutomationClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<AcsOptions>>().Value.ResolveEndpoint();
                // Timeouts are per attempt in the resilience handler; an HttpClient-wide timeout would cut retries short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // Outermost: one measurement per logical request, its retries included.
            .AddHttpMessageHandler(sp => new TelephonyMetricsHandler(CallSupervisor.Core.Diagnostics.TelephonyService.Acs, sp.GetRequiredService<CallSupervisor.Core.Diagnostics.CallSupervisorMetrics>()))
            // Before (outside) the signing handler: every attempt is signed again, with the same Repeatability headers.
            .AddTelephonyResilience("ACS", sp => sp.GetRequiredService<IOptions<AcsOptions>>().Value.Retry)
            .AddHttpMessageHandler(sp =>
            {
                var acs = sp.GetRequiredService<IOptions<AcsOptions>>().Value;
                return string.IsNullOrWhiteSpace(acs.ConnectionString)
                    ? new BearerTokenHandler(sp.GetRequiredKeyedService<IAccessTokenSource>(AcsCredentialKey))
                    : new AcsHmacAuthenticationHandler(AcsConnectionString.Parse(acs.ConnectionString).AccessKey, sp.GetRequiredService<TimeProvider>());
            })
            .UseLongLivedHandler();
        services.AddTransient<ICallAutomationPort>(sp => sp.GetRequiredService<AcsCallAutomationClient>());
    }

    /// <summary>
    /// The typed clients are held by singletons (the action executor, the workflow), so the factory's handler
    /// rotation never reaches them. Instead the handler lives for the whole process and recycles its own
    /// connections, which keeps DNS changes of the ACS/Graph endpoints visible.
    /// </summary>
    private static IHttpClientBuilder UseLongLivedHandler(this IHttpClientBuilder builder) => builder
        .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

    private static void AddGraphClient(IServiceCollection services)
    {
        services.TryAddKeyedSingleton<TokenCredential>(GraphCredentialKey, (sp, _) =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            return new ClientSecretCredential(graph.TenantId, graph.ClientId, graph.ClientSecret, FailFast(new ClientSecretCredentialOptions()));
        });

        services.TryAddKeyedSingleton<IAccessTokenSource>(GraphCredentialKey, (sp, key) =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            return !string.IsNullOrWhiteSpace(graph.StaticBearerToken)
                ? new StaticAccessTokenSource(graph.StaticBearerToken)
                : new CachedAccessTokenSource("Graph", sp.GetRequiredKeyedService<TokenCredential>(key), GraphOptions.Scope, sp.GetRequiredService<TimeProvider>());
        });

        services.AddHttpClient<GraphCallsClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<GraphOptions>>().Value.BaseUri;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new TelephonyMetricsHandler(CallSupervisor.Core.Diagnostics.TelephonyService.Graph, sp.GetRequiredService<CallSupervisor.Core.Diagnostics.CallSupervisorMetrics>()))
            .AddTelephonyResilience("Graph", sp => sp.GetRequiredService<IOptions<GraphOptions>>().Value.Retry)
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredKeyedService<IAccessTokenSource>(GraphCredentialKey)))
            .UseLongLivedHandler();
        services.AddTransient<IGraphCallsPort>(sp => sp.GetRequiredService<GraphCallsClient>());
    }

    /// <summary>
    /// A sign-in that fails is reported to the supervisor at once: Azure.Identity's own retries (four tries,
    /// about 12 s) only delay the same answer, and <see cref="CachedAccessTokenSource"/> asks again 30 s later.
    /// </summary>
    internal static T FailFast<T>(T options)
        where T : TokenCredentialOptions
    {
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    private static void AddCallbacks(IServiceCollection services, bool graph)
    {
        services.TryAddSingleton<AcsCallbackParser>();
        services.TryAddSingleton<EventGridParser>();
        if (graph)
        {
            services.TryAddSingleton<GraphNotificationParser>();
        }

        services.AddHttpClient(CallbackMetadataHttpClientName);
        services.TryAddSingleton<AcsCallbackAuthenticator>(sp => new AcsCallbackAuthenticator(
            sp.GetRequiredService<IOptions<AcsOptions>>(),
            CreateMetadataManager(sp),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AcsCallbackAuthenticator>>(),
            sp.GetService<TimeProvider>()));
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> CreateMetadataManager(IServiceProvider sp)
    {
        var auth = sp.GetRequiredService<IOptions<AcsOptions>>().Value.CallbackAuth;
        var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(CallbackMetadataHttpClientName);
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = auth.RequireHttpsMetadata };
        return new ConfigurationManager<OpenIdConnectConfiguration>(auth.MetadataAddress, new OpenIdConnectConfigurationRetriever(), retriever);
    }
}
