using CallSupervisor.Web.Calls;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// Readiness of the callback inbox: Degraded once it is 80 % full or its oldest item has waited over
/// <see cref="StaleAfter"/> (callbacks still accepted, but the board lags), Unhealthy when full (callbacks get 503).
/// The data carries depth, capacity and the oldest item's age for monitoring.
/// </summary>
internal sealed class CallQueueHealthCheck(CallEventQueue queue) : IHealthCheck
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var depth = queue.Depth;
        var age = queue.OldestAge;
        var data = new Dictionary<string, object>
        {
            ["depth"] = depth,
            ["capacity"] = queue.Capacity,
            ["oldestAgeMs"] = (long)age.TotalMilliseconds,
        };
        var result = depth >= queue.Capacity
            ? HealthCheckResult.Unhealthy($"The callback inbox is full ({depth} items): callbacks are answered 503.", data: data)
            : depth >= queue.Capacity * 0.8 || age > StaleAfter
                ? HealthCheckResult.Degraded($"The callback inbox holds {depth} items; the oldest has waited {age.TotalSeconds:0.0} s.", data: data)
                : HealthCheckResult.Healthy($"{depth} items waiting.", data);
        return Task.FromResult(result);
    }
}
