using CallSupervisor.Emulator.Delivery;
using CallSupervisor.Emulator.Http;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Engine;

internal sealed partial class AcsCallEngine
{
    /// <summary>
    /// :transferToParticipant answers 202 with TransferCallResponse. The target rings as an invitee would (see
    /// <see cref="DecideAnswer"/>); when it answers, CallTransferAccepted follows and then the roster with the target
    /// in the transferee's place; a refusal, no answer, or the transferee leaving first ends it with CallTransferFailed.
    /// The app stays in the call either way.
    /// </summary>
    public ApiResult TransferToParticipant(string callConnectionId, TransferToParticipantRequest request)
    {
        if (Identifiers.Normalize(request.TargetParticipant) is not { } target)
        {
            return ApiResult.InvalidArgument("targetParticipant is required.");
        }
        // The app's calls are group calls (the app, the caller and others), where ACS needs to know whom to transfer.
        if (Identifiers.Normalize(request.Transferee) is not { } transferee)
        {
            return ApiResult.InvalidArgument("transferee is required: name the participant to transfer.");
        }
        if (Identifiers.SameAs(target, transferee))
        {
            return ApiResult.InvalidArgument("targetParticipant and transferee must be different participants.");
        }
        var (callback, callbackProblem) = OptionalCallback(request.OperationCallbackUri);
        if (callbackProblem is not null)
        {
            return callbackProblem;
        }
        lock (_gate)
        {
            if (FindParticipantOnConnectedCall(callConnectionId, transferee, out var call) is { } problem)
            {
                return problem;
            }
            if (call.FindParticipant(target) is not null)
            {
                return ApiResult.InvalidArgument($"The transfer target '{target.RawId}' is already in the call.");
            }
            var (agent, behavior, delay) = DecideAnswer(call, target, transfer: true);
            var transfer = new AcsTransfer(target, transferee, request.OperationContext, callback ?? call.CallbackUri!, behavior);
            call.Transfers.Add(transfer);
            _byInvitation.Add(transfer.TransferId, call);
            if (agent && !desk.TryRing(target.RawId, call.CallConnectionId, transfer.TransferId))
            {
                // An agent's device already ringing or on a call refuses at once, as it does an offer.
                scheduler.Schedule(Sim.EventDelay, () => WithLock(() => FailTransfer(call, transfer, InvitationStatus.Busy, Results.TransferBusy)));
            }
            else
            {
                ScheduleTransfer(call, transfer, delay);
            }
        }
        return ApiResult.Json(StatusCodes.Status202Accepted, new TransferCallResponse(request.OperationContext));
    }

    /// <summary>Under the lock: timers re-check the status when they fire, so whichever outcome comes first wins.</summary>
    private void ScheduleTransfer(AcsCall call, AcsTransfer transfer, TimeSpan delay)
    {
        switch (transfer.Behavior)
        {
            case InvitationBehavior.AcceptAfter:
                scheduler.Schedule(delay, () => WithLock(() => AcceptTransfer(call, transfer)));
                break;
            case InvitationBehavior.Decline:
                var refusal = IsBusyNumber(transfer.Target) ? Results.TransferBusy : Results.TransferDeclined;
                scheduler.Schedule(delay / 2, () => WithLock(() => FailTransfer(call, transfer, InvitationStatus.Declined, refusal)));
                break;
        }
        if (transfer.Behavior != InvitationBehavior.RingForever)
        {
            scheduler.Schedule(Sim.DefaultInvitationTimeout,
                () => WithLock(() => FailTransfer(call, transfer, InvitationStatus.TimedOut, Results.TransferTimedOut)));
        }
    }

    /// <summary>Under the lock: CallTransferAccepted, then the roster with the target in the transferee's place.</summary>
    private bool AcceptTransfer(AcsCall call, AcsTransfer transfer)
    {
        if (call.State != AcsCallState.Connected || transfer.Status != InvitationStatus.Ringing)
        {
            return false;
        }
        if (call.FindParticipant(transfer.Transferee) is not { } transferee)
        {
            return FailTransfer(call, transfer, InvitationStatus.Canceled, Results.TransfereeLeft(transfer.Transferee.RawId));
        }
        transfer.Status = InvitationStatus.Accepted;
        desk.Connected(transfer.Target.RawId, transfer.TransferId);
        if (desk.IsAgent(transfer.Target.RawId))
        {
            // An agent now has the call: the caller's patience no longer applies.
            call.AgentConnected = true;
        }
        Emit(call, transfer.CallbackUri, "CallTransferAccepted", EventFactory.Data(call, transfer.OperationContext, Results.TransferAccepted)
            with { TransferTarget = transfer.Target, Transferee = transfer.Transferee });
        call.Participants.Remove(transferee);
        desk.Left(transfer.Transferee.RawId, call.CallConnectionId);
        call.Participants.Add(new AcsParticipant(transfer.Target));
        EmitRoster(call);
        return true;
    }

    /// <summary>Under the lock: CallTransferFailed, unless the transfer already ended (or the call did).</summary>
    private bool FailTransfer(AcsCall call, AcsTransfer transfer, InvitationStatus status, ResultInformationModel result)
    {
        if (call.State != AcsCallState.Connected || transfer.Status != InvitationStatus.Ringing)
        {
            return false;
        }
        transfer.Status = status;
        desk.OfferEnded(transfer.Target.RawId, transfer.TransferId, status);
        Emit(call, transfer.CallbackUri, "CallTransferFailed", EventFactory.Data(call, transfer.OperationContext, result));
        return true;
    }

    /// <summary>
    /// Under the lock: a participant leaves (removed, or hung up on their own): the roster follows, and a transfer of
    /// them whose target is still ringing fails, since there is no one left to transfer.
    /// </summary>
    private void Leave(AcsCall call, AcsParticipant participant)
    {
        call.Participants.Remove(participant);
        desk.Left(participant.Identifier.RawId, call.CallConnectionId);
        EmitRoster(call);
        foreach (var transfer in call.Transfers.Where(t => t.Status == InvitationStatus.Ringing && Identifiers.SameAs(t.Transferee, participant.Identifier)).ToList())
        {
            FailTransfer(call, transfer, InvitationStatus.Canceled, Results.TransfereeLeft(participant.Identifier.RawId));
        }
    }
}
