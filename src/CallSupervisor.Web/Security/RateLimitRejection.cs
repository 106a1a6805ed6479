namespace CallSupervisor.Web.Security;

/// <summary>
/// The answer to a request over a rate limit: a callback sender gets 503 with Retry-After (ACS and Event Grid
/// retry on it), a browser signing in too often 429 with Retry-After; both as problem details.
/// </summary>
internal static class RateLimitRejection
{
    public static Task WriteAsync(HttpContext context)
    {
        var callback = context.Request.Path.StartsWithSegments("/api/callbacks", StringComparison.OrdinalIgnoreCase);
        var (status, retryAfter, detail) = callback
            ? (StatusCodes.Status503ServiceUnavailable, 1, "Too many callbacks right now; retry shortly.")
            : (StatusCodes.Status429TooManyRequests, 60, "Too many sign-in attempts from this address; wait a minute.");
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: status, title: callback ? "Overloaded" : "Too many requests", detail: detail).ExecuteAsync(context);
    }
}
