using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CallSupervisor.Emulator.Http;

/// <summary>Microsoft Graph cloud communications behind a static bearer token: cancelMediaProcessing, GET call, GET participants.</summary>
internal static class GraphEndpoints
{
    public static void MapGraph(this IEndpointRouteBuilder app, GraphCallEngine engine, string graphToken, FaultGate faults)
    {
        var graph = app.MapGroup("/graph/v1.0").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var authorization = http.Request.Headers.Authorization.ToString();
            if (authorization.Length == 0)
            {
                return GraphErrors.Unauthorized("Access token is empty.");
            }
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization[7..].Trim()), Encoding.UTF8.GetBytes(graphToken)))
            {
                return GraphErrors.Unauthorized("Access token validation failure. Invalid audience.");
            }
            if (await faults.BeforeAsync(FaultGate.OperationOf(http), http.RequestAborted) is { } failure)
            {
                return GraphErrors.Error(failure.StatusCode, FaultGate.Code(failure), FaultGate.Message(failure));
            }
            return await next(context);
        });

        graph.MapPost("/communications/calls/{callId}/cancelMediaProcessing", async (string callId, HttpContext c) =>
            {
                var body = await RequestBody.ReadAsync(c);
                string? clientContext = null;
                try
                {
                    clientContext = body.Length > 0 ? JsonNode.Parse(body)?["clientContext"]?.GetValue<string>() : null;
                }
                catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
                {
                    return GraphErrors.Error(StatusCodes.Status400BadRequest, "BadRequest", "The request body is not valid JSON.");
                }
                return engine.CancelMediaProcessing(callId, clientContext);
            })
            .WithName(OperationNames.CancelMediaProcessing);
        graph.MapGet("/communications/calls/{callId}", (string callId) => engine.GetCall(callId))
            .WithName(OperationNames.GetGraphCall);
        graph.MapGet("/communications/calls/{callId}/participants", (string callId) => engine.ListParticipants(callId))
            .WithName(OperationNames.ListGraphParticipants);
    }
}
