using System.Diagnostics;
using CallSupervisor.Core.Diagnostics;
using Polly.Timeout;

namespace CallSupervisor.Telephony.Http;

/// <summary>
/// Measures each logical request to ACS or Graph (outside the resilience handler, so retries are inside one
/// measurement) on <see cref="CallSupervisorMetrics"/>: its operation (method and path with the ids taken out, so the
/// tag stays of low cardinality), the status it ended with, and what failed.
/// </summary>
internal sealed class TelephonyMetricsHandler(TelephonyService service, CallSupervisorMetrics metrics) : DelegatingHandler
{
    private static readonly HashSet<string> Collections = new(StringComparer.OrdinalIgnoreCase)
    {
        "callConnections", "calls", "recordings", "participants", "operations", "audioRoutingGroups", "contentSharingSessions",
    };

    private static readonly HashSet<string> Prefixes = new(StringComparer.OrdinalIgnoreCase) { "v1.0", "beta", "calling", "communications" };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!metrics.TelephonyEnabled(service))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        var start = Stopwatch.GetTimestamp();
        var operation = OperationOf(request.Method, request.RequestUri);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            metrics.TelephonyRequest(service, operation, status, response.IsSuccessStatusCode ? null : status.ToString(System.Globalization.CultureInfo.InvariantCulture), start);
            return response;
        }
        catch (Exception ex)
        {
            metrics.TelephonyRequest(service, operation, null, ErrorTypeOf(ex, cancellationToken), start);
            throw;
        }
    }

    private static string ErrorTypeOf(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => "cancelled",
        TimeoutRejectedException or OperationCanceledException => "timeout",
        HttpRequestException => "network_error",
        SignInFailedException => "sign_in_failed",
        _ => ex.GetType().Name,
    };

    /// <summary>"POST callConnections/{id}/participants:mute": the method and the path with every id replaced.</summary>
    internal static string OperationOf(HttpMethod method, Uri? uri)
    {
        if (uri is null)
        {
            return method.Method;
        }
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', 2)[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<string>(segments.Length);
        var previous = string.Empty;
        foreach (var segment in segments)
        {
            if (parts.Count == 0 && Prefixes.Contains(segment))
            {
                continue;
            }
            if (Collections.Contains(previous))
            {
                // An id, perhaps followed by an action: "abc:terminate" is "{id}:terminate".
                var colon = segment.IndexOf(':', StringComparison.Ordinal);
                parts.Add(colon < 0 ? "{id}" : "{id}" + segment[colon..]);
                previous = "{id}";
                continue;
            }
            parts.Add(segment);
            previous = segment;
        }
        return method.Method + " " + string.Join('/', parts);
    }
}
