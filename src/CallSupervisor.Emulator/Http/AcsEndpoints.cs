using CallSupervisor.Emulator.Engine;
using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CallSupervisor.Emulator.Http;

/// <summary>The Call Automation REST surface (api-version 2024-09-15) the app uses.</summary>
internal static class AcsEndpoints
{
    public static void MapAcs(this IEndpointRouteBuilder app, AcsCallEngine engine, AcsRequestFilter filter)
    {
        var calls = app.MapGroup("/calling").AddEndpointFilter(filter);
        const string call = "/callConnections/{callConnectionId}";

        calls.MapPost("/callConnections:answer", Handler(c => WithBody<AnswerCallRequest>(c, engine.Answer)))
            .WithName(OperationNames.Answer);
        calls.MapGet(call, (string callConnectionId) => engine.GetCall(callConnectionId))
            .WithName(OperationNames.GetCall);
        calls.MapDelete(call, (string callConnectionId) => engine.HangUp(callConnectionId))
            .WithName(OperationNames.HangUp);
        calls.MapPost(call + ":terminate", (string callConnectionId) => engine.HangUp(callConnectionId))
            .WithName(OperationNames.Terminate);
        calls.MapGet(call + "/participants", (string callConnectionId, HttpContext c) =>
                engine.ListParticipants(callConnectionId, c.Request.Query["skipToken"].ToString()))
            .WithName(OperationNames.ListParticipants);
        calls.MapGet(call + "/participants/{participantRawId}", (string callConnectionId, string participantRawId) =>
                engine.GetParticipant(callConnectionId, participantRawId))
            .WithName(OperationNames.GetParticipant);
        calls.MapPost(call + "/participants:add", (string callConnectionId, HttpContext c) =>
                WithBody<AddParticipantRequest>(c, r => engine.AddParticipant(callConnectionId, r)))
            .WithName(OperationNames.AddParticipant);
        calls.MapPost(call + "/participants:remove", (string callConnectionId, HttpContext c) =>
                WithBody<RemoveParticipantRequest>(c, r => engine.RemoveParticipant(callConnectionId, r)))
            .WithName(OperationNames.RemoveParticipant);
        calls.MapPost(call + "/participants:mute", (string callConnectionId, HttpContext c) =>
                WithBody<MuteParticipantsRequest>(c, r => engine.Mute(callConnectionId, r)))
            .WithName(OperationNames.Mute);
        calls.MapPost(call + "/participants:cancelAddParticipant", (string callConnectionId, HttpContext c) =>
                WithBody<CancelAddParticipantRequest>(c, r => engine.CancelAddParticipant(callConnectionId, r)))
            .WithName(OperationNames.CancelAddParticipant);
        calls.MapPost(call + ":play", (string callConnectionId, HttpContext c) =>
                WithBody<PlayRequest>(c, r => engine.Play(callConnectionId, r)))
            .WithName(OperationNames.Play);
        calls.MapPost(call + ":recognize", (string callConnectionId, HttpContext c) =>
                WithBody<RecognizeRequest>(c, r => engine.Recognize(callConnectionId, r)))
            .WithName(OperationNames.Recognize);
        calls.MapPost(call + ":cancelAllMediaOperations", (string callConnectionId) => engine.CancelAllMediaOperations(callConnectionId))
            .WithName(OperationNames.CancelAllMediaOperations);
    }

    /// <summary>Typed as a route handler (not a RequestDelegate) so the returned result is written.</summary>
    internal static Delegate Handler(Func<HttpContext, Task<ApiResult>> handler) => handler;

    private static async Task<ApiResult> WithBody<T>(HttpContext context, Func<T, ApiResult> handler) where T : class =>
        await RequestBody.ParseAsync<T>(context) is { } request
            ? handler(request)
            : ApiResult.InvalidArgument("The request body is missing or is not valid JSON.");
}
