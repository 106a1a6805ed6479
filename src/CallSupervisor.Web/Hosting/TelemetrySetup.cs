using CallSupervisor.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// Traces, metrics and logs through OpenTelemetry, exported over OTLP by the standard variables only
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>, …). With no
/// endpoint set nothing is registered: no listener samples a span and no exporter runs, so the product's
/// <see cref="Telemetry.Source"/> starts nothing. The meter's instruments exist either way (the Operations page reads
/// them in-process).
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> does not give one.</summary>
    public const string ServiceName = "callsupervisor";

    private static readonly string[] EndpointVariables =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    public static IServiceCollection AddCallSupervisorTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCallSupervisorMeter();
        if (!IsExportConfigured(configuration))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                // OTEL_SERVICE_NAME (or service.name in OTEL_RESOURCE_ATTRIBUTES) names the service, as OpenTelemetry
                // documents: AddService would override it, and an orchestrator's per-instance names with it.
                if (!NamesService(configuration))
                {
                    r.AddService(ServiceName);
                }
            })
            .WithTracing(t => t.AddCallSupervisorTracing())
            .WithMetrics(m => m.AddCallSupervisorMetrics())
            .WithLogging()
            .UseOtlpExporter();
        return services;
    }

    /// <summary>The product's meter (from the host's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>) and its instruments.</summary>
    public static IServiceCollection AddCallSupervisorMeter(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetService<System.Diagnostics.Metrics.IMeterFactory>() is { } meters ? new CallSupervisorMeter(meters) : new CallSupervisorMeter());
        services.TryAddSingleton<CallSupervisorMetrics>();
        return services;
    }

    /// <summary>Whether any OTLP endpoint variable is set (configuration includes the environment).</summary>
    public static bool IsExportConfigured(IConfiguration configuration) =>
        EndpointVariables.Any(name => !string.IsNullOrWhiteSpace(configuration[name]));

    private static bool NamesService(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])
        || (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "").Split(',').Any(a => a.Trim().StartsWith("service.name=", StringComparison.Ordinal));

    /// <summary>
    /// The product's spans plus ASP.NET Core's, HttpClient's and Npgsql's (PostgreSQL commands of the audit trail); also
    /// used by tests with an in-memory exporter. An ACS request's span carries its Repeatability-Request-ID (semantic
    /// conventions' <c>http.request.header.*</c>), so a retried request's attempts are found together. Redis and EF Core
    /// have no stable instrumentation: the event log's Redis calls have product spans (<c>eventlog.*</c>).
    /// </summary>
    public static TracerProviderBuilder AddCallSupervisorTracing(this TracerProviderBuilder tracing) =>
        tracing
            .AddSource(Telemetry.Name)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = TagRepeatability)
            .AddNpgsql();

    /// <summary>The attribute of the ACS request header that makes a retry idempotent.</summary>
    public const string RepeatabilityTag = "http.request.header.repeatability-request-id";

    private static void TagRepeatability(System.Diagnostics.Activity activity, HttpRequestMessage request)
    {
        if (request.Headers.TryGetValues("Repeatability-Request-ID", out var values))
        {
            activity.SetTag(RepeatabilityTag, values.ToArray());
        }
    }

    /// <summary>The product's meter plus ASP.NET Core's, HttpClient's and the runtime's instruments.</summary>
    public static MeterProviderBuilder AddCallSupervisorMetrics(this MeterProviderBuilder metrics) =>
        metrics
            .AddMeter(Telemetry.Name)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation();
}
