using System.Globalization;

namespace CallSupervisor.Web.Callbacks;

/// <summary>Another result (a 503 problem) with a Retry-After header, in whole seconds.</summary>
internal sealed class RetryLaterResult(IResult inner, TimeSpan retryAfter, bool overloaded = false) : IResult
{
    /// <summary>Refused because the inbox is full (else because the event log cannot be written).</summary>
    public bool Overloaded => overloaded;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
