using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CallSupervisor.Core.Diagnostics;

/// <summary>
/// The one name under which the product's own traces and metrics are published: an <see cref="ActivitySource"/> for
/// spans and a <see cref="Meter"/> for instruments, both called <c>CallSupervisor</c>. OpenTelemetry subscribes to
/// that name (README, "Telemetry"); without a listener an <see cref="ActivitySource"/> starts nothing and a
/// measurement is dropped at once, so the instrumented paths cost next to nothing when nothing is exported.
/// </summary>
public static class Telemetry
{
    /// <summary>The source and meter name (what an exporter and a <c>dotnet-counters</c> user ask for).</summary>
    public const string Name = "CallSupervisor";

    /// <summary>Spans of the product's own work (callback parse, log append, apply, push, render, actions).</summary>
    public static readonly ActivitySource Source = new(Name, Version);

    private static string Version => typeof(Telemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}

/// <summary>
/// The product's <see cref="Meter"/>, made by the host's <see cref="IMeterFactory"/> (one per service provider, so
/// two apps in one test process do not mix their measurements). Each area defines its own instruments on it.
/// </summary>
public sealed class CallSupervisorMeter
{
    public CallSupervisorMeter(IMeterFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Meter = factory.Create(new MeterOptions(Telemetry.Name));
    }

    /// <summary>For code and tests without a host: a meter of its own, disposed with the process.</summary>
    public CallSupervisorMeter()
    {
        Meter = new Meter(Telemetry.Name);
    }

    public Meter Meter { get; }
}
