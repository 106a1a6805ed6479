namespace CallSupervisor.Web.Tests.Telemetry;

/// <summary>
/// Trace tests run alone: the product's <c>ActivitySource</c> is one per process, so another test's host running
/// meanwhile would start spans too (the tests also keep to their own traces, by trace id).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
