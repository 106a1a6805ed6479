using System.Diagnostics;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Board;
using CallSupervisor.Board.Replication;
using CallSupervisor.Board.Workflow;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Callbacks;

/// <summary>
/// Where ACS, Event Grid and Graph post. Each request is authenticated, read with a size limit, parsed
/// strictly, queued, and answered at once: 400 problem details for malformed input (nothing is applied),
/// 401 when unauthenticated, 408 when the body arrives too slowly, 413 when too large, 503 with Retry-After when the
/// inbox is full (nothing is applied; the sender retries). Unknown event types are accepted and logged. The ACS and
/// Event Grid endpoints also answer the CloudEvents webhook handshake (<c>OPTIONS</c>, see <see cref="WebhookHandshake"/>).
/// </summary>
public static partial class CallbackEndpoints
{
    /// <summary>How long a sender is asked to wait when the inbox is full (ACS and Event Grid honour Retry-After).</summary>
    public static readonly TimeSpan OverloadRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Maps the ACS and Event Grid callbacks, and the Graph one unless Graph is disabled.</summary>
    public static IEndpointRouteBuilder MapCallbackEndpoints(this IEndpointRouteBuilder endpoints, bool graph)
    {
        // The services authenticate themselves (ACS: a signed JWT; Event Grid: the key in the URL; Graph: the
        // clientState), not as a signed-in user; a burst past the rate limit gets 503 + Retry-After.
        var group = endpoints.MapGroup("/api/callbacks").DisableAntiforgery().AllowAnonymous()
            .RequireRateLimiting(Security.SecurityServiceCollectionExtensions.CallbackRateLimit);
        group.MapPost("/acs", HandleAcsAsync).CountCallbacks("acs");
        group.MapMethods("/acs", [HttpMethods.Options], HandshakeAcsAsync);
        group.MapPost("/incoming", HandleIncomingAsync).CountCallbacks("incoming");
        group.MapMethods("/incoming", [HttpMethods.Options], HandshakeIncoming);
        if (graph)
        {
            group.MapPost("/graph", HandleGraphAsync).CountCallbacks("graph");
        }
        return endpoints;
    }

    internal static async Task<IResult> HandleAcsAsync(
        HttpRequest request,
        AcsCallbackAuthenticator authenticator,
        AcsCallbackParser parser,
        EventPipeline pipeline,
        CallSupervisor.Core.Diagnostics.CallSupervisorMetrics metrics,
        EventTimes times,
        UnsequencedRosters rosters,
        IOptions<CallsOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(CallbackEndpoints));
        var (body, rejected) = await ReceiveAsync(request, options.Value, "ACS", logger,
            () => AcsProblemAsync(request, authenticator, cancellationToken), cancellationToken);
        if (rejected is not null)
        {
            return rejected;
        }
        CallbackParseResult result;
        using (var parsing = Telemetry.Source.StartActivity("callback.parse"))
        {
            result = parser.Parse(body);
            Parsed(parsing, result, "ACS");
        }
        if (!result.IsSuccess)
        {
            LogMalformed(logger, "ACS", result.Error);
            return Malformed(result.Error);
        }
        result = result with { Events = times.Adjust(result.Events, "ACS") };
        rosters.Notice(result.Events);
        return await AppendAsync(pipeline, metrics, result, logger, "ACS", cancellationToken) ?? TypedResults.Ok();
    }

    /// <summary>The CloudEvents webhook handshake on the ACS endpoint, authenticated by the callback token as its POST.</summary>
    internal static async Task<IResult> HandshakeAcsAsync(
        HttpRequest request, AcsCallbackAuthenticator authenticator, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        Handshake(request, await AcsProblemAsync(request, authenticator, cancellationToken), "ACS", loggers.CreateLogger(typeof(CallbackEndpoints)));

    /// <summary>The CloudEvents webhook handshake of a CloudEvents-schema Event Grid subscription, authenticated by the key.</summary>
    internal static IResult HandshakeIncoming(HttpRequest request, IOptions<CallsOptions> options, ILoggerFactory loggers) =>
        Handshake(request, EventGridKeyProblem(request, options.Value), "Event Grid", loggers.CreateLogger(typeof(CallbackEndpoints)));

    private static IResult Handshake(HttpRequest request, string? unauthenticated, string source, ILogger logger)
    {
        if (unauthenticated is not null)
        {
            LogRejected(logger, source, unauthenticated);
            return Unauthorized(unauthenticated);
        }
        return WebhookHandshake.OriginOf(request) is { } origin ? WebhookHandshake.Allow(origin) : WebhookHandshake.BadOrigin();
    }

    // Null when the request carries a valid ACS callback token (or callback authentication is off), else why not.
    private static async ValueTask<string?> AcsProblemAsync(HttpRequest request, AcsCallbackAuthenticator authenticator, CancellationToken cancellationToken)
    {
        // Its own span: validating the token may fetch ACS's signing keys (an HTTP client span beneath it).
        using var activity = Telemetry.Source.StartActivity("callback.authenticate");
        activity?.SetTag(TelemetryTags.CallbackSource, "ACS");
        var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization, cancellationToken);
        if (!auth.IsValid)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "callback token refused");
        }
        return auth.IsValid ? null : auth.Reason ?? "invalid callback token";
    }

    // Event Grid webhooks are unsigned: the subscription URL carries a secret key, compared in constant time.
    private static string? EventGridKeyProblem(HttpRequest request, CallsOptions options) =>
        KeyMatches(request.Query["key"].ToString(), options.EventGridKey)
            ? null
            : "Missing or wrong key: the Event Grid subscription must post to /api/callbacks/incoming?key=<Calls:EventGridKey>.";

    internal static async Task<IResult> HandleIncomingAsync(
        HttpRequest request,
        EventGridParser parser,
        WorkflowInbox inbox,
        CallSupervisor.Core.Diagnostics.CallSupervisorMetrics metrics,
        EventTimes times,
        IOptions<CallsOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(CallbackEndpoints));
        var (body, rejected) = await ReceiveAsync(request, options.Value, "Event Grid", logger,
            () => ValueTask.FromResult(EventGridKeyProblem(request, options.Value)), cancellationToken);
        if (rejected is not null)
        {
            return rejected;
        }
        EventGridParseResult result;
        using (var activity = Telemetry.Source.StartActivity("callback.parse"))
        {
            result = parser.Parse(body);
            activity?.SetTag(TelemetryTags.CallbackSource, "Event Grid").SetTag(TelemetryTags.EventCount, result.IncomingCalls.Length);
        }
        if (!result.IsSuccess)
        {
            LogMalformed(logger, "Event Grid", result.Error);
            return Malformed(result.Error);
        }
        // Incoming calls are answered by the instance that receives them (each reaches one instance); the answer and
        // what follows go into the event log.
        inbox.Accept(times.Adjust(result.IncomingCalls));
        metrics.CallbackEvents("incoming", result.IncomingCalls.Length);
        LogUnmapped(logger, result.Unmapped);
        return result.ValidationCode is { } code
            ? TypedResults.Ok(new SubscriptionValidationResponse(code))
            : TypedResults.Ok();
    }

    internal static async Task<IResult> HandleGraphAsync(
        HttpRequest request,
        GraphNotificationParser parser,
        EventPipeline pipeline,
        CallSupervisor.Core.Diagnostics.CallSupervisorMetrics metrics,
        IOptions<CallsOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(CallbackEndpoints));
        // Graph validates a notification URL by posting ?validationToken=… and expecting it back as text. The echo is
        // unauthenticated, so only a token of Graph's shape is echoed (printable text, no markup), never anything else.
        if (request.Query.TryGetValue("validationToken", out var token))
        {
            return token.Count == 1 && GraphValidationToken.IsWellFormed(token[0])
                ? TypedResults.Text(token[0], "text/plain", System.Text.Encoding.UTF8)
                : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid validation token",
                    detail: "validationToken must be one printable token of at most 1024 characters without markup.");
        }
        // Graph's proof of origin is the clientState inside the body, checked by the parser.
        var (body, rejected) = await ReceiveAsync(request, options.Value, "Graph", logger, authenticate: null, cancellationToken);
        if (rejected is not null)
        {
            return rejected;
        }
        CallbackParseResult result;
        using (var parsing = Telemetry.Source.StartActivity("callback.parse"))
        {
            result = parser.Parse(body);
            Parsed(parsing, result, "Graph");
        }
        switch (result.Status)
        {
            case CallbackParseStatus.Unauthenticated:
                LogRejected(logger, "Graph", result.Error);
                return Unauthorized(result.Error);
            case CallbackParseStatus.Malformed:
                LogMalformed(logger, "Graph", result.Error);
                return Malformed(result.Error);
        }
        return await AppendAsync(pipeline, metrics, result, logger, "Graph", cancellationToken) ?? TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// The steps every callback shares, cheapest first: refuse a declared oversize body (413) before anything
    /// else, authenticate (401 with the reason), then read the body with the size limit enforced while reading.
    /// <paramref name="authenticate"/> returns null when the request is authentic, else why not.
    /// </summary>
    private static async Task<(byte[] Body, IResult? Rejected)> ReceiveAsync(
        HttpRequest request,
        CallsOptions options,
        string source,
        ILogger logger,
        Func<ValueTask<string?>>? authenticate,
        CancellationToken cancellationToken)
    {
        if (CallbackBody.DeclaredTooLarge(request, options.MaxCallbackBytes) is { } tooLarge)
        {
            return ([], tooLarge);
        }
        if (authenticate is not null && await authenticate() is { } reason)
        {
            LogRejected(logger, source, reason);
            return ([], Unauthorized(reason));
        }
        var (body, error) = await CallbackBody.ReadAsync(request, options.MaxCallbackBytes, cancellationToken);
        return (body ?? [], error);
    }

    // What the parse's span says: how many events (and which, for a lone one), and whether it refused the body.
    private static void Parsed(Activity? activity, CallbackParseResult result, string source)
    {
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.CallbackSource, source).SetTag(TelemetryTags.EventCount, result.Events.Length);
            if (result.Events.Length == 1)
            {
                activity.SetTag(TelemetryTags.CallId, result.Events[0].CallId.Value).SetTag(TelemetryTags.EventType, result.Events[0].GetType().Name);
            }
            if (!result.IsSuccess)
            {
                activity.SetStatus(ActivityStatusCode.Error, result.Status.ToString());
            }
        }
    }

    /// <summary>Appends the batch whole to the event log; null when it is in, else the 503 to answer.</summary>
    private static async Task<IResult?> AppendAsync(EventPipeline pipeline, CallSupervisor.Core.Diagnostics.CallSupervisorMetrics metrics, CallbackParseResult result, ILogger logger, string source, CancellationToken cancellationToken)
    {
        switch (await pipeline.AcceptAsync(result.Events, cancellationToken))
        {
            case AppendResult.Overloaded:
                LogOverloaded(logger, source, pipeline.Depth, pipeline.Capacity);
                return RetryLater("Callback inbox full",
                    $"{pipeline.Depth} events are on their way into the event log (Calls:MaxQueuedEvents is {pipeline.Capacity}); nothing of this callback was applied. Retry later.", overloaded: true);
            case AppendResult.Unavailable:
                LogLogUnavailable(logger, source);
                return RetryLater("Event log unavailable",
                    "The event log cannot be written right now, so this callback was not acknowledged (nothing of it was applied). Retry later.");
        }
        metrics.CallbackEvents(source == "Graph" ? "graph" : "acs", result.Events.Length);
        LogUnmapped(logger, result.Unmapped);
        return null;
    }

    private static RetryLaterResult RetryLater(string title, string detail, bool overloaded = false) => new(TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail), OverloadRetryAfter, overloaded);

    private static bool KeyMatches(string presented, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(expected));

    private static IResult Malformed(string? detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Malformed callback", detail: detail);

    private static IResult Unauthorized(string? detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "Unauthenticated callback", detail: detail);

    private static void LogUnmapped(ILogger logger, IEnumerable<UnmappedEvent> unmapped)
    {
        foreach (var e in unmapped)
        {
            if (e.Malformed)
            {
                LogMalformedItem(logger, e.Type, e.Id, e.Reason);
            }
            else
            {
                LogUnmappedEvent(logger, e.Type, e.Id, e.Reason);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} callback refused with 503: the inbox holds {Depth} items (capacity {Capacity})")]
    private static partial void LogOverloaded(ILogger logger, string source, int depth, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} callback answered 503: the event log is unavailable")]
    private static partial void LogLogUnavailable(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} callback rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string source, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} callback malformed: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string source, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped malformed {Type} ({Id}); the rest of its batch was applied: {Reason}")]
    private static partial void LogMalformedItem(ILogger logger, string type, string id, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted and ignored event {Type} ({Id}): {Reason}")]
    private static partial void LogUnmappedEvent(ILogger logger, string type, string id, string reason);

    /// <summary>Event Grid's expected answer to a subscription validation event.</summary>
    public sealed record SubscriptionValidationResponse(string ValidationResponse);
}
