namespace CallSupervisor.LoadBalancer;

/// <summary>
/// The <c>LoadBalancer</c> section. Only <see cref="Destinations"/> has no default: the app instances are given
/// on the command line or in the environment (<c>LoadBalancer:Destinations:0=http://10.0.0.11:8080/</c>, or
/// <c>LoadBalancer__Destinations__0=…</c>), because a list in appsettings.json would be merged index by index with
/// them rather than replaced.
/// </summary>
public sealed class LoadBalancerOptions
{
    public const string SectionName = "LoadBalancer";

    /// <summary>The app instances: absolute http(s) URLs, each listed once.</summary>
    public string[] Destinations { get; set; } = [];

    /// <summary>
    /// The cookie that ties a browser to one instance. It holds a hash of the instance's address (YARP's
    /// <c>HashCookie</c> policy), not a protected value, so it stays valid when the balancer restarts and when
    /// several balancers run side by side.
    /// </summary>
    public string AffinityCookieName { get; set; } = ".CallSupervisor.Instance";

    public PassiveHealthOptions PassiveHealth { get; set; } = new();

    public ActiveHealthOptions ActiveHealth { get; set; } = new();
}

/// <summary><c>LoadBalancer:PassiveHealth</c>: what a failed request does to its instance.</summary>
public sealed class PassiveHealthOptions
{
    /// <summary>How long an instance stays out after a request to it failed at the transport level.</summary>
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// <c>LoadBalancer:ActiveHealth</c>: probes of every instance's readiness. Off by default: passive health alone
/// already takes a dead instance out; probes also take out one that answers but is not ready.
/// </summary>
public sealed class ActiveHealthOptions
{
    public bool Enabled { get; set; }

    /// <summary>The app's readiness probe: 200 while it can take callbacks (also when degraded), 503 when not.</summary>
    public string Path { get; set; } = "/health/ready";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The Host header of the probes. A probe otherwise names the instance's own address, which the app's host
    /// filtering (<c>AllowedHosts</c>) refuses with 400 unless it lists that address too; set this to the public
    /// host name instead.
    /// </summary>
    public string? Host { get; set; }
}
