using CallSupervisor.Board.EventLog;
using CallSupervisor.Board.Replication;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// Readiness to take callbacks. Unhealthy (503, so a load balancer sends callbacks elsewhere) while the event log
/// cannot be written — callbacks are then answered 503 too — or while the pipeline is full; Degraded while this
/// instance is still catching up with the log after start, from 80 % full, or when the app's own facts have waited
/// over <see cref="StaleAfter"/>. The data carries depth, capacity, the oldest wait and the log's state.
/// </summary>
internal sealed class CallQueueHealthCheck(EventPipeline pipeline, EventLogStatus log) : IHealthCheck
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var depth = pipeline.Depth;
        var age = pipeline.OldestAge;
        var data = new Dictionary<string, object>
        {
            ["depth"] = depth,
            ["capacity"] = pipeline.Capacity,
            ["oldestAgeMs"] = (long)age.TotalMilliseconds,
            ["eventLog"] = log.Kind,
            ["eventLogAvailable"] = log.Available,
            ["caughtUp"] = log.CaughtUp,
        };
        var result = !log.Available
            ? HealthCheckResult.Unhealthy($"The event log ({log.Kind}) is unavailable since {log.UnavailableSince:HH:mm:ss}: callbacks are answered 503. {log.Reason}", data: data)
            : depth >= pipeline.Capacity
                ? HealthCheckResult.Unhealthy($"The callback pipeline is full ({depth} events): callbacks are answered 503.", data: data)
                : !log.CaughtUp || depth >= pipeline.Capacity * 0.8 || age > StaleAfter
                    ? HealthCheckResult.Degraded(log.CaughtUp
                        ? $"{depth} events on their way into the event log; the oldest has waited {age.TotalSeconds:0.0} s."
                        : "Catching up with the event log after start.", data: data)
                    : HealthCheckResult.Healthy($"{depth} events on their way into the event log.", data);
        return Task.FromResult(result);
    }
}
