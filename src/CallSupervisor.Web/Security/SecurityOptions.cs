namespace CallSupervisor.Web.Security;

/// <summary>Settings of the app's own protections (section <c>Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Origins (scheme://host[:port]) besides the app's own that browsers may open the hubs from. A hub request
    /// from any other origin gets 403. The app's own origin is the request's, which host filtering
    /// (<c>AllowedHosts</c>) has vouched for.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Sign in against a local OpenID Connect provider over http (the embedded emulator's): relaxes the three checks
    /// Identity.Web makes for Entra ID (https metadata, Entra issuer shapes). Set by the embedded emulator only;
    /// refused outside Development.
    /// </summary>
    public bool LocalSignIn { get; set; }

    /// <summary>Where the data-protection keys (cookie encryption) are kept; default <c>data/keys</c> under the content root.</summary>
    public string? KeyPath { get; set; }

    /// <summary>
    /// Addresses of the load balancers or proxies in front of the app, whose X-Forwarded-For and X-Forwarded-Proto are
    /// believed (loopback always is). The balancer must pass the original Host header on: host filtering checks it.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Callback requests per second the app accepts across all senders before answering 503.</summary>
    public int CallbackRequestsPerSecond { get; set; } = 2000;

    /// <summary>How long a screen's session from the device sign-in lasts without a request (sliding); default 30 days.</summary>
    public TimeSpan DeviceSessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Screens signed out at their next request: app client ids or object ids of device sign-ins. A device session
    /// outlives the token it was made from, so this (or revoking every data-protection key) is what ends one.
    /// </summary>
    public string[] RevokedDevices { get; set; } = [];

    /// <summary>Sign-in attempts per minute from one address before answering 429.</summary>
    public int SignInsPerMinute { get; set; } = 30;
}
