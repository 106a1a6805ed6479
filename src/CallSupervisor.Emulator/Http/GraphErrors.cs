using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Http;

/// <summary>Graph error bodies: <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>.</summary>
internal static class GraphErrors
{
    public static ApiResult Unauthorized(string message) => Error(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", message);

    public static ApiResult NotFound(string callId) => Error(StatusCodes.Status404NotFound, "itemNotFound", $"Call '{callId}' was not found.");

    public static ApiResult Error(int status, string code, string message)
    {
        var requestId = Guid.NewGuid().ToString();
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = requestId,
                    ["client-request-id"] = requestId,
                },
            },
        };
        return new ApiResult(status, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}
