using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Http;

/// <summary>
/// A finished REST answer (status, JSON body, headers). A value rather than a delegate so the repeatability cache can
/// store it and replay it byte for byte.
/// </summary>
internal sealed record ApiResult(int StatusCode, byte[]? Body, IReadOnlyDictionary<string, string>? Headers = null) : IResult
{
    public static ApiResult Json<T>(int status, T body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, EmulatorJson.Serialize(body), headers);

    public static ApiResult Empty(int status) => new(status, null);

    /// <summary>A CommunicationErrorResponse; ACS uses numeric subcodes as error codes (8522 not found, 8523 invalid argument).</summary>
    public static ApiResult AcsError(int status, string code, string message) =>
        Json(status, new CommunicationErrorResponse(new CommunicationError(code, message)));

    public static ApiResult NotFound(string what) => AcsError(StatusCodes.Status404NotFound, "8522", $"{what} not found.");

    public static ApiResult InvalidArgument(string message) => AcsError(StatusCodes.Status400BadRequest, "8523", "Invalid request. " + message);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (Headers is not null)
        {
            foreach (var (name, value) in Headers)
            {
                response.Headers[name] = value;
            }
        }
        if (Body is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = Body.Length;
            await response.Body.WriteAsync(Body, httpContext.RequestAborted);
        }
    }
}
