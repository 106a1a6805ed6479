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
        calls.MapPost(call + "/participants:add", CallWithBody<AddParticipantRequest>(engine.AddParticipant))
            .WithName(OperationNames.AddParticipant);
        calls.MapPost(call + "/participants:remove", CallWithBody<RemoveParticipantRequest>(engine.RemoveParticipant))
            .WithName(OperationNames.RemoveParticipant);
        calls.MapPost(call + "/participants:mute", CallWithBody<MuteParticipantsRequest>(engine.Mute))
            .WithName(OperationNames.Mute);
        calls.MapPost(call + "/participants:cancelAddParticipant", CallWithBody<CancelAddParticipantRequest>(engine.CancelAddParticipant))
            .WithName(OperationNames.CancelAddParticipant);
        calls.MapPost(call + ":hold", CallWithBody<HoldRequest>(engine.Hold))
            .WithName(OperationNames.Hold);
        calls.MapPost(call + ":unhold", CallWithBody<UnholdRequest>(engine.Unhold))
            .WithName(OperationNames.Unhold);
        calls.MapPost(call + ":transferToParticipant", CallWithBody<TransferToParticipantRequest>(engine.TransferToParticipant))
            .WithName(OperationNames.TransferToParticipant);
        calls.MapPost(call + ":play", CallWithBody<PlayRequest>(engine.Play))
            .WithName(OperationNames.Play);
        calls.MapPost(call + ":recognize", CallWithBody<RecognizeRequest>(engine.Recognize))
            .WithName(OperationNames.Recognize);
        calls.MapPost(call + ":cancelAllMediaOperations", (string callConnectionId) => engine.CancelAllMediaOperations(callConnectionId))
            .WithName(OperationNames.CancelAllMediaOperations);

        const string recording = "/recordings/{recordingId}";
        calls.MapPost("/recordings", Handler(c => WithBody<StartCallRecordingRequest>(c, engine.StartRecording)))
            .WithName(OperationNames.StartRecording);
        calls.MapGet(recording, (string recordingId) => engine.GetRecording(recordingId))
            .WithName(OperationNames.GetRecording);
        calls.MapPost(recording + ":pause", (string recordingId) => engine.PauseRecording(recordingId))
            .WithName(OperationNames.PauseRecording);
        calls.MapPost(recording + ":resume", (string recordingId) => engine.ResumeRecording(recordingId))
            .WithName(OperationNames.ResumeRecording);
        calls.MapDelete(recording, (string recordingId) => engine.StopRecording(recordingId))
            .WithName(OperationNames.StopRecording);
    }

    /// <summary>Typed as a route handler (not a RequestDelegate) so the returned result is written.</summary>
    internal static Delegate Handler(Func<HttpContext, Task<ApiResult>> handler) => handler;

    /// <summary>An operation on one call ({callConnectionId} in the route) that takes a JSON body.</summary>
    private static Delegate CallWithBody<T>(Func<string, T, ApiResult> handler) where T : class =>
        (string callConnectionId, HttpContext c) => WithBody<T>(c, r => handler(callConnectionId, r));

    private static async Task<ApiResult> WithBody<T>(HttpContext context, Func<T, ApiResult> handler) where T : class =>
        await RequestBody.ParseAsync<T>(context) is { } request
            ? handler(request)
            : ApiResult.InvalidArgument("The request body is missing or is not valid JSON.");
}
