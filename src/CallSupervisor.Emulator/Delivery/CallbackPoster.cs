using System.Net.Http.Headers;
using System.Text.Json;
using CallSupervisor.Emulator.Security;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CallSupervisor.Emulator.Delivery;

/// <summary>
/// One HTTP post with retries (exponential backoff on connection errors, timeouts and non-2xx). Failures are logged
/// and reported as false; nothing here throws into the emulator. Only loopback targets are ever contacted.
/// </summary>
internal sealed partial class CallbackPoster
{
    private readonly HttpClient _http;
    private readonly CallbackTokenIssuer _tokens;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger _logger;

    public CallbackPoster(HttpClient http, CallbackTokenIssuer tokens, EmulatorOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _http = http;
        _tokens = tokens;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.CallbackRetryCount > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.CallbackRetryCount,
                Delay = options.CallbackRetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TaskCanceledException>(ex => ex.InnerException is TimeoutException)
                    .HandleResult(r => !r.IsSuccessStatusCode),
                OnRetry = args =>
                {
                    LogRetry(args.AttemptNumber + 1, args.Outcome.Result?.StatusCode.ToString() ?? args.Outcome.Exception?.GetType().Name);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }
        _pipeline = builder.Build();
    }

    public async Task<bool> PostAsync(Uri target, Delivery delivery, CancellationToken ct)
    {
        if (!EmulatorOptionsValidator.IsLoopbackHttp(target))
        {
            LogRefused(delivery.EventType, Redact.Address(target));
            return false;
        }
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = Build(target, delivery);
                    return await _http.SendAsync(request, token);
                },
                ct);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }
            LogGaveUp(delivery.EventType, delivery.EventId, Redact.Address(target), ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogGaveUp(delivery.EventType, delivery.EventId, Redact.Address(target), ex.Message);
        }
        return false;
    }

    /// <summary>Posts a SubscriptionValidationEvent and checks that the answer echoes the code.</summary>
    public async Task<bool> ValidateAsync(Uri target, byte[] body, string code, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = Json(body) };
            request.Headers.Add("aeg-event-type", "SubscriptionValidation");
            using var response = await _http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("validationResponse") || string.Equals(property.Name, "validationResponse", StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() == code;
                }
            }
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException
                                   || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    private HttpRequestMessage Build(Uri target, Delivery delivery)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = Json(delivery.Body) };
        switch (delivery.Kind)
        {
            case DeliveryKind.Acs:
                // A fresh token per attempt: a retry after minutes must not carry an expired one.
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.CurrentToken());
                break;
            case DeliveryKind.EventGrid:
                request.Headers.Add("aeg-event-type", "Notification");
                break;
            case DeliveryKind.Graph:
                break;
        }
        return request;
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retrying callback post (attempt {Attempt}) after {Reason}")]
    private partial void LogRetry(int attempt, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up posting {EventType} {EventId} to {Target}: {Reason}")]
    private partial void LogGaveUp(string eventType, string eventId, string target, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused to post {EventType} to non-loopback {Target}")]
    private partial void LogRefused(string eventType, string target);
}
