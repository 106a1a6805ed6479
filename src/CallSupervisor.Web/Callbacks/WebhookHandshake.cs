namespace CallSupervisor.Web.Callbacks;

/// <summary>
/// The CloudEvents webhook validation handshake (CloudEvents 1.0 "HTTP 1.1 Web Hooks", section 4), which Event Grid
/// subscriptions in the CloudEvents schema use instead of a validation event: an <c>OPTIONS</c> request with
/// <c>WebHook-Request-Origin</c>, answered 200 with <c>WebHook-Allowed-Origin</c> (the origin echoed) and
/// <c>WebHook-Allowed-Rate</c>. Answered only to a caller authenticated as the endpoint's POST would be.
/// </summary>
internal static class WebhookHandshake
{
    public const string RequestOrigin = "WebHook-Request-Origin";
    public const string AllowedOrigin = "WebHook-Allowed-Origin";
    public const string AllowedRate = "WebHook-Allowed-Rate";
    private const int MaxOriginLength = 255;

    /// <summary>The origin to allow, or null when the header is missing, repeated or not one host name.</summary>
    public static string? OriginOf(HttpRequest request)
    {
        var values = request.Headers[RequestOrigin];
        // Echoed into a response header: only one plain token (a host name such as eventgrid.azure.net) is.
        return values.Count == 1 && values[0] is { Length: > 0 and <= MaxOriginLength } origin
            && origin.All(c => c is > ' ' and <= '~' and not (',' or ';' or '"' or '\'' or '<' or '>' or '\\'))
            ? origin
            : null;
    }

    /// <summary>200 allowing <paramref name="origin"/> to send at any rate (the rate limit answers 503 when it must).</summary>
    public static IResult Allow(string origin) => new AllowResult(origin);

    public static IResult BadOrigin() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid webhook handshake",
        detail: $"The {RequestOrigin} header must be present once, with one host name (e.g. eventgrid.azure.net).");

    private sealed class AllowResult(string origin) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers[AllowedOrigin] = origin;
            headers[AllowedRate] = "*";
            headers.Allow = "POST, OPTIONS";
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        }
    }
}
