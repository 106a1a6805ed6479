using System.Net;
using CallSupervisor.Telephony.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CallSupervisor.Telephony.Http;

/// <summary>
/// The Polly pipeline around one logical request: a per-attempt timeout inside an exponential retry that only
/// handles transient failures. 4xx other than 408/429 are the caller's mistake and never retried.
/// </summary>
internal static class TransientHttpPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(RetryOptions options, TimeProvider timeProvider, Action<int, string>? onRetry = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
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
                    onRetry?.Invoke(args.AttemptNumber + 1, Describe(args.Outcome));
                    // The response of a failed attempt is not returned to anyone: release its connection now.
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    internal static bool IsTransientStatus(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

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
}
