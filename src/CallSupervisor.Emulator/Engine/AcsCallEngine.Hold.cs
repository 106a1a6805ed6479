using CallSupervisor.Emulator.Delivery;
using CallSupervisor.Emulator.Http;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Engine;

internal sealed partial class AcsCallEngine
{
    /// <summary>
    /// :hold answers 200 with no body; success shows only in the next roster (isOnHold true). A target who left
    /// before the hold took effect gets HoldFailed (the contract's only hold event). Holding someone already on hold
    /// changes nothing. The hold music (playSourceInfo) is checked but not played: the emulator has no media.
    /// </summary>
    public ApiResult Hold(string callConnectionId, HoldRequest request)
    {
        if (Identifiers.Normalize(request.TargetParticipant) is not { } target)
        {
            return ApiResult.InvalidArgument("targetParticipant is required.");
        }
        if (request.PlaySourceInfo is { } music && !IsPlayable(music))
        {
            return ApiResult.InvalidArgument("playSourceInfo does not name a playable source.");
        }
        var (callback, callbackProblem) = OptionalCallback(request.OperationCallbackUri);
        if (callbackProblem is not null)
        {
            return callbackProblem;
        }
        lock (_gate)
        {
            if (FindParticipantOnConnectedCall(callConnectionId, target, out var call) is { } problem)
            {
                return problem;
            }
            if (!call.FindParticipant(target)!.IsOnHold)
            {
                scheduler.Schedule(Sim.EventDelay, () => ApplyHold(call, target, request.OperationContext, callback ?? call.CallbackUri!));
            }
        }
        return ApiResult.Empty(StatusCodes.Status200OK);
    }

    /// <summary>
    /// :unhold answers 200; the next roster shows isOnHold false. Unholding someone not on hold changes nothing;
    /// someone who is no longer in the call (they left while on hold) is refused with 404, as for any unknown participant.
    /// </summary>
    public ApiResult Unhold(string callConnectionId, UnholdRequest request)
    {
        if (Identifiers.Normalize(request.TargetParticipant) is not { } target)
        {
            return ApiResult.InvalidArgument("targetParticipant is required.");
        }
        lock (_gate)
        {
            if (FindParticipantOnConnectedCall(callConnectionId, target, out var call) is { } problem)
            {
                return problem;
            }
            if (call.FindParticipant(target)!.IsOnHold)
            {
                scheduler.Schedule(Sim.EventDelay, () => ApplyUnhold(call, target));
            }
        }
        return ApiResult.Empty(StatusCodes.Status200OK);
    }

    /// <summary>Under the lock: the problem to answer with, or null when the call is connected and has the participant.</summary>
    private ApiResult? FindParticipantOnConnectedCall(string callConnectionId, IdentifierModel target, out AcsCall call)
    {
        if (!TryGetLive(callConnectionId, out call))
        {
            return ApiResult.NotFound("Call");
        }
        if (call.State != AcsCallState.Connected)
        {
            return ApiResult.AcsError(StatusCodes.Status400BadRequest, "8501", "Action is not valid when the call is not established.");
        }
        return call.FindParticipant(target) is null ? ApiResult.NotFound($"Participant '{target.RawId}'") : null;
    }

    private void ApplyHold(AcsCall call, IdentifierModel target, string? operationContext, Uri callback)
    {
        lock (_gate)
        {
            if (call.State != AcsCallState.Connected)
            {
                return;
            }
            if (call.FindParticipant(target) is not { } participant)
            {
                Emit(call, callback, "HoldFailed", EventFactory.Data(call, operationContext, Results.HoldFailedNotInCall(target.RawId)));
                return;
            }
            if (!participant.IsOnHold)
            {
                participant.IsOnHold = true;
                EmitRoster(call);
            }
        }
    }

    private void ApplyUnhold(AcsCall call, IdentifierModel target)
    {
        lock (_gate)
        {
            // The contract has no unhold event: a participant who left meanwhile is simply gone from the roster.
            if (call.State == AcsCallState.Connected && call.FindParticipant(target) is { IsOnHold: true } participant)
            {
                participant.IsOnHold = false;
                EmitRoster(call);
            }
        }
    }
}
