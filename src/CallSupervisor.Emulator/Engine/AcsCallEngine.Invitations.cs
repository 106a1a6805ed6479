using CallSupervisor.Emulator.Delivery;
using CallSupervisor.Emulator.Http;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Engine;

internal sealed partial class AcsCallEngine
{
    private const int MaxInvitationTimeoutSeconds = 180;

    /// <summary>
    /// participants:add answers 202 with the invitationId; the outcome (accept, decline, no answer until the timeout)
    /// follows as AddParticipantSucceeded/Failed, which carry the operationContext but no invitationId.
    /// </summary>
    public ApiResult AddParticipant(string callConnectionId, AddParticipantRequest request)
    {
        if (Identifiers.Normalize(request.ParticipantToAdd) is not { } target)
        {
            return ApiResult.InvalidArgument("participantToAdd is required.");
        }
        if (request.InvitationTimeoutInSeconds is < 0 or > MaxInvitationTimeoutSeconds)
        {
            return ApiResult.InvalidArgument($"invitationTimeoutInSeconds must be between 0 and {MaxInvitationTimeoutSeconds}.");
        }
        if (target.Kind == Identifiers.PhoneNumber && request.SourceCallerIdNumber is null)
        {
            return ApiResult.InvalidArgument("sourceCallerIdNumber is required to add a phone number participant.");
        }
        var (callback, callbackProblem) = OptionalCallback(request.OperationCallbackUri);
        if (callbackProblem is not null)
        {
            return callbackProblem;
        }
        var timeout = request.InvitationTimeoutInSeconds is int seconds && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : Sim.DefaultInvitationTimeout;
        AcsInvitation invitation;
        lock (_gate)
        {
            if (!TryGetLive(callConnectionId, out var call))
            {
                return ApiResult.NotFound("Call");
            }
            if (call.State != AcsCallState.Connected)
            {
                return ApiResult.AcsError(StatusCodes.Status400BadRequest, "8501", "Action is not valid when the call is not established.");
            }
            // The agents' device rules (ring time, outcome odds, busy) apply on contact-center calls (a caller with a
            // plan), to offers left to chance: a scenario that scripts the invitee gets exactly the script.
            var (agent, behavior, delay) = DecideAnswer(call, target, transfer: false);
            invitation = new AcsInvitation(target, request.OperationContext, callback ?? call.CallbackUri!, timeout, behavior);
            call.Invitations.Add(invitation);
            _byInvitation.Add(invitation.InvitationId, call);
            if (agent && !desk.TryRing(target.RawId, call.CallConnectionId, invitation.InvitationId))
            {
                // A real device that is already ringing or on a call refuses at once; ACS still answers 202 first.
                invitation.Status = InvitationStatus.Busy;
                scheduler.Schedule(Sim.EventDelay, () => WithLock(() => ReportBusy(call, invitation)));
            }
            else
            {
                ScheduleInvitation(call, invitation, delay);
            }
        }
        var response = new AddParticipantResponse(new CallParticipantModel(target, false, false), request.OperationContext, invitation.InvitationId);
        return ApiResult.Json(StatusCodes.Status202Accepted, response);
    }

    /// <summary>
    /// participants:cancelAddParticipant answers 202; a ringing invitation ends with CancelAddParticipantSucceeded, one
    /// that already ended (accepted, declined, timed out) with CancelAddParticipantFailed. Both carry the invitationId.
    /// </summary>
    public ApiResult CancelAddParticipant(string callConnectionId, CancelAddParticipantRequest request)
    {
        if (string.IsNullOrEmpty(request.InvitationId))
        {
            return ApiResult.InvalidArgument("invitationId is required.");
        }
        var (callback, callbackProblem) = OptionalCallback(request.OperationCallbackUri);
        if (callbackProblem is not null)
        {
            return callbackProblem;
        }
        lock (_gate)
        {
            if (!TryGetLive(callConnectionId, out var call))
            {
                return ApiResult.NotFound("Call");
            }
            if (call.Invitations.Find(i => i.InvitationId == request.InvitationId) is not { } invitation)
            {
                return ApiResult.NotFound($"Invitation '{request.InvitationId}'");
            }
            // Decided now, under the lock: a concurrent accept either happened before (cancel fails) or loses.
            var canceled = invitation.Status == InvitationStatus.Ringing;
            var previous = invitation.Status;
            if (canceled)
            {
                invitation.Status = InvitationStatus.Canceled;
                desk.OfferEnded(invitation.Target.RawId, invitation.InvitationId, InvitationStatus.Canceled);
            }
            var target = callback ?? call.CallbackUri!;
            scheduler.Schedule(Sim.EventDelay, () =>
            {
                lock (_gate)
                {
                    if (call.State == AcsCallState.Disconnected)
                    {
                        return;
                    }
                    var data = EventFactory.Data(call, request.OperationContext, canceled ? Results.CancelSucceeded : Results.CancelFailed(Name(previous)))
                        with { InvitationId = invitation.InvitationId };
                    Emit(call, target, canceled ? "CancelAddParticipantSucceeded" : "CancelAddParticipantFailed", data);
                }
            });
        }
        return ApiResult.Json(StatusCodes.Status202Accepted, new CancelAddParticipantResponse(request.InvitationId, request.OperationContext));
    }

    /// <summary>
    /// Admin: the invitee (or a transfer's target: the id may be a transferId) picks up now. False when the id is
    /// unknown; null when it is no longer ringing.
    /// </summary>
    public bool? ForceAccept(string invitationId)
    {
        lock (_gate)
        {
            if (!_byInvitation.TryGetValue(invitationId, out var call))
            {
                return false;
            }
            if (call.Invitations.Find(i => i.InvitationId == invitationId) is { } invitation)
            {
                return Accept(call, invitation) ? true : null;
            }
            if (call.Transfers.Find(t => t.TransferId == invitationId) is { } transfer)
            {
                return AcceptTransfer(call, transfer) ? true : null;
            }
            return false;
        }
    }

    private (InvitationBehavior Behavior, TimeSpan AcceptDelay) DecideInvitation(CallScenario scenario)
    {
        var behavior = scenario.InvitationBehavior;
        if (behavior == InvitationBehavior.Random)
        {
            var draw = random.NextDouble();
            behavior = draw < Sim.InvitationAcceptProbability ? InvitationBehavior.AcceptAfter
                : draw < Sim.InvitationAcceptProbability + Sim.InvitationDeclineProbability ? InvitationBehavior.Decline
                : InvitationBehavior.RingUntilTimeout;
        }
        var delay = scenario.AcceptAfterSeconds is { } s
            ? TimeSpan.FromSeconds(s)
            : random.Between(Sim.InvitationAcceptDelayMin, Sim.InvitationAcceptDelayMax);
        return (behavior, delay);
    }

    /// <summary>An offer to a simulated agent: accept / decline / no answer drawn from the agent probabilities, after a ring time.</summary>
    private (InvitationBehavior Behavior, TimeSpan AcceptDelay) DecideOffer(CallScenario scenario)
    {
        var draw = random.NextDouble();
        var behavior = draw < Sim.AgentAcceptProbability ? InvitationBehavior.AcceptAfter
            : draw < Sim.AgentAcceptProbability + Sim.AgentDeclineProbability ? InvitationBehavior.Decline
            : InvitationBehavior.RingUntilTimeout;
        var delay = scenario.AcceptAfterSeconds is { } s
            ? TimeSpan.FromSeconds(s)
            : random.Between(Sim.AgentRingTimeMin, Sim.AgentRingTimeMax);
        return (behavior, delay);
    }

    private bool ReportBusy(AcsCall call, AcsInvitation invitation)
    {
        if (call.State != AcsCallState.Connected)
        {
            return false;
        }
        Emit(call, invitation.CallbackUri, "AddParticipantFailed",
            EventFactory.Data(call, invitation.OperationContext, Results.Busy) with { Participant = invitation.Target });
        return true;
    }

    /// <summary>Under the lock: timers re-check the status when they fire, so whichever outcome comes first wins.</summary>
    private void ScheduleInvitation(AcsCall call, AcsInvitation invitation, TimeSpan delay)
    {
        switch (invitation.Behavior)
        {
            case InvitationBehavior.AcceptAfter:
                scheduler.Schedule(delay, () => WithLock(() => Accept(call, invitation)));
                break;
            case InvitationBehavior.Decline:
                // Declining takes a moment too, but less than picking up.
                var refusal = IsBusyNumber(invitation.Target) ? Results.Busy : Results.Declined;
                scheduler.Schedule(delay / 2, () => WithLock(() => Finish(call, invitation, InvitationStatus.Declined, refusal)));
                break;
        }
        if (invitation.Behavior != InvitationBehavior.RingForever)
        {
            scheduler.Schedule(invitation.Timeout, () => WithLock(() => Finish(call, invitation, InvitationStatus.TimedOut, Results.InvitationTimedOut)));
        }
    }

    private bool WithLock(Func<bool> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    /// <summary>Under the lock: AddParticipantSucceeded, then the roster with the new participant.</summary>
    private bool Accept(AcsCall call, AcsInvitation invitation)
    {
        if (call.State != AcsCallState.Connected || invitation.Status != InvitationStatus.Ringing)
        {
            return false;
        }
        invitation.Status = InvitationStatus.Accepted;
        desk.Connected(invitation.Target.RawId, invitation.InvitationId);
        if (!call.AgentConnected)
        {
            call.AgentConnected = true;
            desk.CountAnswered();
            if (call.Plan?.HandleTime is { } talk)
            {
                scheduler.Schedule(talk, () => HangUpAfterTalk(call));
            }
        }
        Emit(call, invitation.CallbackUri, "AddParticipantSucceeded",
            EventFactory.Data(call, invitation.OperationContext, Results.AddSucceeded) with { Participant = invitation.Target });
        if (call.FindParticipant(invitation.Target) is null)
        {
            call.Participants.Add(new AcsParticipant(invitation.Target));
        }
        EmitRoster(call);
        return true;
    }

    private bool Finish(AcsCall call, AcsInvitation invitation, InvitationStatus status, ResultInformationModel result)
    {
        if (call.State != AcsCallState.Connected || invitation.Status != InvitationStatus.Ringing)
        {
            return false;
        }
        invitation.Status = status;
        desk.OfferEnded(invitation.Target.RawId, invitation.InvitationId, status);
        Emit(call, invitation.CallbackUri, "AddParticipantFailed",
            EventFactory.Data(call, invitation.OperationContext, result) with { Participant = invitation.Target });
        return true;
    }
}
