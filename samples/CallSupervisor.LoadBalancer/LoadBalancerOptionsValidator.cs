using Microsoft.Extensions.Options;

namespace CallSupervisor.LoadBalancer;

/// <summary>
/// Checks the <c>LoadBalancer</c> section before the proxy is built, so a wrong setting stops the balancer at
/// start with the setting's name rather than as a 502 on the first request.
/// </summary>
public sealed class LoadBalancerOptionsValidator : IValidateOptions<LoadBalancerOptions>
{
    private const string P = LoadBalancerOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, LoadBalancerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        ValidateDestinations(options.Destinations, errors);
        if (string.IsNullOrWhiteSpace(options.AffinityCookieName) || options.AffinityCookieName.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c)))
        {
            errors.Add(P + "AffinityCookieName must be a cookie name (letters, digits and . _ - ! # $ % & ' * + ^ ` | ~).");
        }
        if (options.PassiveHealth.ReactivationPeriod <= TimeSpan.Zero)
        {
            errors.Add(P + "PassiveHealth:ReactivationPeriod must be positive.");
        }
        ValidateActive(options.ActiveHealth, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateDestinations(string[] destinations, List<string> errors)
    {
        if (destinations.Length == 0)
        {
            errors.Add(P + "Destinations needs at least one app instance, e.g. --" + P + "Destinations:0=http://127.0.0.1:5001/.");
            return;
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < destinations.Length; i++)
        {
            var value = destinations[i];
            if (!TryParseDestination(value, out var uri))
            {
                errors.Add($"{P}Destinations:{i} must be an absolute http or https URL without user, query or fragment (e.g. http://10.0.0.11:8080/); got '{value}'.");
            }
            else if (!seen.Add(uri.AbsoluteUri))
            {
                errors.Add($"{P}Destinations:{i} lists {uri.AbsoluteUri} a second time.");
            }
        }
    }

    /// <summary>An instance's address as the proxy uses it (also its destination id, see <see cref="ProxyConfigBuilder"/>).</summary>
    public static bool TryParseDestination(string? value, out Uri uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri!)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0;

    private static void ValidateActive(ActiveHealthOptions active, List<string> errors)
    {
        if (!active.Enabled)
        {
            return;
        }
        if (string.IsNullOrEmpty(active.Path) || active.Path[0] != '/')
        {
            errors.Add(P + "ActiveHealth:Path must be a path starting with '/' (the app's readiness probe is /health/ready).");
        }
        if (active.Interval <= TimeSpan.Zero || active.Timeout <= TimeSpan.Zero)
        {
            errors.Add(P + "ActiveHealth:Interval and ActiveHealth:Timeout must be positive.");
        }
        else if (active.Timeout > active.Interval)
        {
            errors.Add(P + "ActiveHealth:Timeout must not be longer than ActiveHealth:Interval.");
        }
        if (active.Host is { } host
            && !(Uri.TryCreate("http://" + host + "/", UriKind.Absolute, out var parsed) && parsed.UserInfo.Length == 0 && parsed.PathAndQuery == "/"))
        {
            errors.Add(P + $"ActiveHealth:Host must be a host name (optionally with a port); got '{host}'.");
        }
    }
}
