using System.Net;
using CallSupervisor.Telephony.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CallSupervisor.Telephony.Http;

/// <summary>
/// The resilience handler (Microsoft.Extensions.Http.Resilience) of the ACS and Graph clients: a per-attempt timeout
/// inside an exponential retry that only handles transient failures. It is added before the signing/bearer handler,
/// so each attempt is signed again (a fresh x-ms-date) while the request — its Repeatability headers and body
/// included — is the same message on every attempt. 4xx other than 408/429 are the caller's mistake and never
/// retried; neither is a Retry-After longer than <see cref="RetryOptions.MaxDelay"/> (the caller sees the throttling
/// at once), nor a throttled read (429/503 on GET): the reconciler, the only reader, backs off as a whole instead.
/// </summary>
internal static partial class TelephonyResilience
{
    /// <summary>Adds the handler named <paramref name="service"/> with the retry settings <paramref name="retry"/> picks.</summary>
    public static IHttpClientBuilder AddTelephonyResilience(this IHttpClientBuilder builder, string service, Func<IServiceProvider, RetryOptions> retry)
    {
        builder.AddResilienceHandler(service, (pipeline, context) =>
        {
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("CallSupervisor.Telephony.Http." + service);
            pipeline.TimeProvider = time;
            Configure(pipeline, retry(context.ServiceProvider), time, (attempt, reason) => LogRetry(logger, service, attempt, reason));
        });
        return builder;
    }

    internal static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, RetryOptions options, TimeProvider timeProvider, Action<int, string> onRetry)
    {
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken, options.MaxDelay, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, timeProvider.GetUtcNow())),
                OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 1, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    internal static bool IsTransientStatus(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>429 and 503: the service asks for less traffic.</summary>
    internal static bool IsThrottling(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken, TimeSpan maxDelay, TimeProvider timeProvider)
    {
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException => true,
                TimeoutRejectedException => true,
                // Without a caller cancellation, a cancellation can only come from a transport timeout.
                OperationCanceledException => !callerToken.IsCancellationRequested,
                _ => false,
            };
        }

        var response = outcome.Result!;
        if (!IsTransientStatus(response.StatusCode))
        {
            return false;
        }

        // Retrying a throttled read would multiply the reconciler's load by the retry count: it waits for all calls.
        if (IsThrottling(response.StatusCode) && response.RequestMessage?.Method == HttpMethod.Get)
        {
            return false;
        }

        // A server asking for a long pause is not retried: the supervisor sees the throttling error at once.
        return RetryAfter(response, timeProvider.GetUtcNow()) is not { } wait || wait <= maxDelay;
    }

    /// <summary>The Retry-After of a 429/503 (seconds or HTTP date); null means "use the exponential backoff".</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter.Date is { } date)
        {
            // Relative to the server's clock when it sent one, so clock drift does not stretch the wait.
            var wait = date - (response.Headers.Date ?? now);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name + ": " + e.Message : $"HTTP {(int)outcome.Result!.StatusCode}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} request attempt {Attempt} failed transiently ({Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, string service, int attempt, string reason);
}
