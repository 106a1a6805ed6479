using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.SessionAffinity;
using Yarp.ReverseProxy.Transforms;

namespace CallSupervisor.LoadBalancer;

/// <summary>
/// Builds YARP's routes and clusters from <see cref="LoadBalancerOptions"/>: two clusters over the same instances,
/// because session affinity belongs to a cluster, not to a route.
/// <list type="bullet">
/// <item><c>callbacks</c> (route <c>/api/callbacks/{**rest}</c>): round-robin, no affinity. ACS, Event Grid and
/// Graph post to one public URL and carry no cookie; any instance can take a callback, and spreading them keeps one
/// instance from taking them all.</item>
/// <item><c>app</c> (everything else: pages, <c>/_blazor</c>, <c>/hubs</c>, <c>/signin-oidc</c>, health): cookie
/// affinity. A Blazor Server circuit lives in one process; its WebSocket and any reconnect must reach that process.
/// A browser's first request goes to the instance with the fewest requests in flight, open circuits included.</item>
/// </list>
/// </summary>
public static class ProxyConfigBuilder
{
    public const string CallbacksRoute = "callbacks";
    public const string AppRoute = "app";
    public const string CallbacksCluster = "callbacks";
    public const string AppCluster = "app";

    public static IReadOnlyList<RouteConfig> Routes() =>
    [
        Route(CallbacksRoute, CallbacksCluster, "/api/callbacks/{**rest}", order: 0),
        Route(AppRoute, AppCluster, "/{**catch-all}", order: 100),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(LoadBalancerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var destinations = Destinations(options);
        return
        [
            new ClusterConfig
            {
                ClusterId = CallbacksCluster,
                LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                HealthCheck = Health(options),
                Destinations = destinations,
            },
            new ClusterConfig
            {
                ClusterId = AppCluster,
                LoadBalancingPolicy = LoadBalancingPolicies.LeastRequests,
                SessionAffinity = new SessionAffinityConfig
                {
                    Enabled = true,
                    Policy = SessionAffinityConstants.Policies.HashCookie,
                    // The instance is gone or out: send the browser to another one (and re-pin it there) rather
                    // than answer 503. Its circuit is lost either way; the page reloads on the new instance.
                    FailurePolicy = SessionAffinityConstants.FailurePolicies.Redistribute,
                    AffinityKeyName = options.AffinityCookieName,
                    Cookie = new SessionAffinityCookieConfig
                    {
                        HttpOnly = true,
                        IsEssential = true,
                        // Lax: the identity provider's form post to /signin-oidc is cross-site and arrives without
                        // it, so it may land on any instance; the shared data-protection keys let any instance
                        // finish a sign-in, and the answer pins the browser to that instance.
                        SameSite = SameSiteMode.Lax,
                        SecurePolicy = CookieSecurePolicy.SameAsRequest,
                    },
                },
                HealthCheck = Health(options),
                Destinations = destinations,
            },
        ];
    }

    private static RouteConfig Route(string routeId, string clusterId, string path, int order) =>
        new RouteConfig { RouteId = routeId, ClusterId = clusterId, Order = order, Match = new RouteMatch { Path = path } }
            // The app's host filtering (AllowedHosts) reads the Host header before it applies forwarded headers, so
            // the instance must see the public host name, not its own address. X-Forwarded-For/Proto/Host/Prefix
            // are YARP's default transforms; they replace whatever a client sent, since the balancer is the edge.
            .WithTransformUseOriginalHostHeader(useOriginal: true);

    private static Dictionary<string, DestinationConfig> Destinations(LoadBalancerOptions options) =>
        options.Destinations.ToDictionary(
            // The address is the id: the affinity cookie holds a hash of the id, so a browser stays pinned to its
            // instance when the list is reordered or another instance is added.
            DestinationId,
            address => new DestinationConfig { Address = DestinationId(address), Host = options.ActiveHealth.Host },
            StringComparer.OrdinalIgnoreCase);

    public static string DestinationId(string address) => new Uri(address, UriKind.Absolute).AbsoluteUri;

    private static HealthCheckConfig Health(LoadBalancerOptions options) => new()
    {
        // If every instance is out at once (both had a transient failure), try them all rather than answer 503.
        AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true,
            Policy = TransportFailurePolicy.PolicyName,
            ReactivationPeriod = options.PassiveHealth.ReactivationPeriod,
        },
        Active = options.ActiveHealth.Enabled
            ? new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = options.ActiveHealth.Interval,
                Timeout = options.ActiveHealth.Timeout,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = options.ActiveHealth.Path,
            }
            : null,
    };
}
