using System.Globalization;
using CallSupervisor.Emulator.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Emulator.Http;

/// <summary>
/// What ACS checks before an operation runs, in order: HMAC (401), api-version (400), then the emulator's injected
/// latency/failures, then Repeatability-Request-ID (a GUID with an RFC 1123 Repeatability-First-Sent; repeats replay).
/// </summary>
internal sealed partial class AcsRequestFilter(
    HmacVerifier hmac, FaultGate faults, RepeatabilityCache repeatability, ILogger logger) : IEndpointFilter
{
    private const string RequestIdHeader = "Repeatability-Request-ID";
    private const string FirstSentHeader = "Repeatability-First-Sent";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = await RequestBody.ReadAsync(http);
        if (hmac.Verify(http.Request, body) is { } problem)
        {
            LogUnauthorized(http.Request.Method, http.Request.Path, problem);
            return ApiResult.AcsError(StatusCodes.Status401Unauthorized, "Denied", "Denied by the resource provider. " + problem + ".");
        }
        var apiVersion = http.Request.Query["api-version"].ToString();
        if (apiVersion.Length == 0)
        {
            return ApiResult.AcsError(StatusCodes.Status400BadRequest, "MissingApiVersionParameter",
                $"The api-version query parameter (?api-version=) is required for all requests. Supported version: {AcsApi.Version}.");
        }
        if (apiVersion != AcsApi.Version)
        {
            return ApiResult.AcsError(StatusCodes.Status400BadRequest, "UnsupportedApiVersion",
                $"The HTTP resource that matches the request URI does not support the API version '{apiVersion}'. Supported version: {AcsApi.Version}.");
        }
        var operation = FaultGate.OperationOf(http);
        if (await faults.BeforeAsync(operation, http.RequestAborted) is { } failure)
        {
            return ApiResult.AcsError(failure.StatusCode, FaultGate.Code(failure), FaultGate.Message(failure));
        }
        var requestId = http.Request.Headers[RequestIdHeader].ToString();
        if (requestId.Length == 0)
        {
            return await next(context);
        }
        if (!Guid.TryParse(requestId, out _))
        {
            return ApiResult.InvalidArgument($"{RequestIdHeader} must be a UUID; got '{requestId}'.");
        }
        var firstSent = http.Request.Headers[FirstSentHeader].ToString();
        if (!DateTimeOffset.TryParseExact(firstSent, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return ApiResult.InvalidArgument($"{FirstSentHeader} is required with {RequestIdHeader} and must be an IMF-fixdate (RFC 1123); got '{firstSent}'.");
        }
        var key = $"{operation}|{http.Request.Path}|{requestId.ToUpperInvariant()}";
        var (result, replayed) = await repeatability.RunOnceAsync(key, async () => await next(context));
        http.Response.Headers["Repeatability-Result"] = "accepted";
        if (replayed)
        {
            LogReplayed(operation, requestId);
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: {Problem}")]
    private partial void LogUnauthorized(string method, PathString path, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Operation} for Repeatability-Request-ID {RequestId}")]
    private partial void LogReplayed(string operation, string requestId);
}
