using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace CallSupervisor.LoadBalancer;

/// <summary>
/// Passive health: one request that fails at the transport level (connection refused or reset, no answer in
/// time) takes its instance out of the cluster for <see cref="PassiveHealthOptions.ReactivationPeriod"/>; then it
/// is tried again. YARP's own <c>TransportFailureRate</c> policy waits for a failure rate over a window, so after
/// an instance is killed, a busy balancer would keep sending it callbacks until enough of them had failed; ACS
/// resends each failed one, but late. An HTTP answer of any status, 503 included, is the instance's answer and not
/// a failure (the readiness probe, <c>LoadBalancer:ActiveHealth</c>, is what takes out an instance that is up but
/// not ready). With two instances, a transient error can take one out for the period; if all are out, the
/// clusters' <c>HealthyOrPanic</c> policy tries them all.
/// </summary>
public sealed class TransportFailurePolicy(IDestinationHealthUpdater healthUpdater) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "TransportFailure";

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cluster);
        if (IsDestinationFailure(context))
        {
            var period = cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? TimeSpan.FromSeconds(30);
            healthUpdater.SetPassive(cluster, destination, DestinationHealth.Unhealthy, period);
        }
    }

    /// <summary>The same errors YARP's own passive policy blames on the destination.</summary>
    public static bool IsDestinationFailure(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A client that went away (a closed tab, a dropped phone) says nothing about the instance.
        if (context.Features.Get<IForwarderErrorFeature>() is not { } error || context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
        return error.Error is ForwarderError.Request
            or ForwarderError.RequestTimedOut
            or ForwarderError.RequestBodyDestination
            or ForwarderError.ResponseBodyDestination
            or ForwarderError.UpgradeRequestDestination
            or ForwarderError.UpgradeResponseDestination;
    }
}
