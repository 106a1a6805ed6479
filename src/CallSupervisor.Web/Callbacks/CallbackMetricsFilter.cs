using CallSupervisor.Core.Diagnostics;

namespace CallSupervisor.Web.Callbacks;

/// <summary>
/// Counts every callback POST by its answer (<see cref="CallSupervisorMetrics.CallbackAccepted"/> or
/// <see cref="CallSupervisorMetrics.CallbackRefused"/> with the reason), in one place beside the handlers rather
/// than at each of their returns. A burst refused by the rate limiter never reaches an endpoint: ASP.NET Core's
/// own <c>aspnetcore.rate_limiting</c> metrics count those.
/// </summary>
internal static class CallbackMetricsFilter
{
    public static RouteHandlerBuilder CountCallbacks(this RouteHandlerBuilder builder, string endpoint) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var metrics = context.HttpContext.RequestServices.GetRequiredService<CallSupervisorMetrics>();
            var status = StatusOf(result);
            if (status < 400)
            {
                metrics.CallbackAccepted(endpoint);
            }
            else
            {
                metrics.CallbackRefused(endpoint, ReasonOf(status, result));
            }
            return result;
        });

    private static int StatusOf(object? result) => result switch
    {
        RetryLaterResult => StatusCodes.Status503ServiceUnavailable,
        IStatusCodeHttpResult { StatusCode: { } code } => code,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>The refusal's <c>error.type</c>: a word an operator can filter on, from the status (and a 503's cause).</summary>
    private static string ReasonOf(int status, object? result) => status switch
    {
        StatusCodes.Status400BadRequest => "malformed",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status408RequestTimeout => "timeout",
        StatusCodes.Status413PayloadTooLarge => "too_large",
        StatusCodes.Status503ServiceUnavailable => result is RetryLaterResult { Overloaded: true } ? "overloaded" : "log_unavailable",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
