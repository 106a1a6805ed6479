using CallSupervisor.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CallSupervisor.Web.Tests.Hosting;

/// <summary>
/// The service's identity in the exported resource. OpenTelemetry's standard variables name the service and its
/// instance (an orchestrator such as the Aspire AppHost sets <c>OTEL_SERVICE_NAME</c> and
/// <c>OTEL_RESOURCE_ATTRIBUTES</c> per instance); the app's own name applies only when they do not.
/// </summary>
public sealed class TelemetryResourceTests
{
    [Fact]
    public void AddCallSupervisorTelemetry_ServiceNameVariableSet_ResourceUsesIt()
    {
        var resource = ResourceOf(new()
        {
            ["OTEL_SERVICE_NAME"] = "app-a",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=app-a-1",
        });

        Assert.Equal("app-a", resource["service.name"]);
        Assert.Equal("app-a-1", resource["service.instance.id"]);
    }

    [Fact]
    public void AddCallSupervisorTelemetry_NoServiceNameVariable_ResourceNamesTheApp()
    {
        var resource = ResourceOf([]);

        Assert.Equal(TelemetrySetup.ServiceName, resource["service.name"]);
        Assert.True(resource.ContainsKey("service.instance.id"));
    }

    private static Dictionary<string, object> ResourceOf(Dictionary<string, string?> settings)
    {
        // An endpoint no one listens on: the provider is built, nothing is exported in the test's lifetime.
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddMetrics();
        services.AddCallSupervisorTelemetry(configuration);
        using var provider = services.BuildServiceProvider();
        var tracing = provider.GetRequiredService<TracerProvider>();
        return tracing.GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
    }
}
