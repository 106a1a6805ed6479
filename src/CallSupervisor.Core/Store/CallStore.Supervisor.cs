using System.Collections.Immutable;
using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Commands;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Store.Rules;

namespace CallSupervisor.Core.Store;

/// <summary>
/// Supervisor-side transitions, used by <see cref="SupervisorCommandService"/>. Each Mark* checks availability and
/// marks the pending state in one atomic update, so two identical commands fired together cannot both pass. Each
/// Revert* undoes only what the same request marked (matched by operationContext): a callback that settled the
/// state in the meantime is never overwritten.
/// </summary>
public sealed partial class CallStore
{
    /// <summary>The outcome of a Mark*: whether it was allowed and, if so, the call as marked — the command takes
    /// what it sends (identifier, platform) from this call rather than from a separately read snapshot.</summary>
    internal sealed record MarkResult(Availability Availability, Call? Call);

    internal MarkResult MarkMutePending(CallId callId, string participantRawId, SupervisorRequest request) =>
        _feed.Update(snapshot =>
        {
            if (snapshot.Find(callId) is not { } call)
            {
                return Refuse(snapshot, UnknownCall(callId));
            }
            if (!call.Participants.TryGetValue(participantRawId, out var participant))
            {
                return Refuse(snapshot, "The participant is not in the call");
            }
            var availability = ActionAvailability.CanMute(call, participant);
            if (!availability.Allowed)
            {
                return (snapshot, [], new MarkResult(availability, null));
            }
            var next = call with { Participants = call.Participants.SetItem(participantRawId, participant with { PendingMute = request }) };
            var entry = Log.Info(callId, request.RequestedAt, $"Mute of {Describe.Who(call, participant.Identifier)} requested", request.Supervisor);
            return Changed(snapshot, next, entry, new MarkResult(Availability.Ok, next));
        });

    internal void RevertMutePending(CallId callId, string participantRawId, SupervisorRequest request, TelephonyError error, DateTimeOffset at) =>
        _feed.Update(snapshot =>
        {
            if (snapshot.Find(callId) is not { } call)
            {
                return (snapshot, [], 0);
            }
            var next = call;
            CommunicationIdentifier? who = null;
            if (call.Participants.TryGetValue(participantRawId, out var participant))
            {
                who = participant.Identifier;
                if (participant.PendingMute?.OperationContext == request.OperationContext)
                {
                    next = call with { Participants = call.Participants.SetItem(participantRawId, participant with { PendingMute = null }) };
                }
            }
            var entry = Log.Error(callId, at, $"Mute of {Describe.Who(call, who)} failed: {Describe.Error(error)}", request.Supervisor);
            return Changed(snapshot, next, entry, 0);
        });

    internal MarkResult MarkInvitationCancelling(CallId callId, InvitationId invitationId, SupervisorRequest request) =>
        _feed.Update(snapshot =>
        {
            if (snapshot.Find(callId) is not { } call)
            {
                return Refuse(snapshot, UnknownCall(callId));
            }
            if (!call.Invitations.TryGetValue(invitationId, out var invitation))
            {
                return Refuse(snapshot, "The invitation is not known");
            }
            var availability = ActionAvailability.CanCancelInvitation(call, invitation);
            if (!availability.Allowed)
            {
                return (snapshot, [], new MarkResult(availability, null));
            }
            var next = InvitationRules.WithInvitation(call, invitation with { Status = InvitationStatus.Cancelling, CancelRequest = request });
            var entry = Log.Info(callId, request.RequestedAt, $"Cancel of invitation to {Describe.Who(call, invitation.Target)} requested", request.Supervisor);
            return Changed(snapshot, next, entry, new MarkResult(Availability.Ok, next));
        });

    internal void RevertInvitationCancelling(CallId callId, InvitationId invitationId, SupervisorRequest request, TelephonyError error, DateTimeOffset at) =>
        _feed.Update(snapshot =>
        {
            if (snapshot.Find(callId) is not { } call || !call.Invitations.TryGetValue(invitationId, out var invitation))
            {
                return (snapshot, [], 0);
            }
            var next = invitation.Status == InvitationStatus.Cancelling && invitation.CancelRequest?.OperationContext == request.OperationContext
                ? InvitationRules.WithInvitation(call, invitation with { Status = InvitationStatus.Pending, CancelRequest = null })
                : call;
            var entry = Log.Error(callId, at, $"Cancel of invitation to {Describe.Who(call, invitation.Target)} failed: {Describe.Error(error)}", request.Supervisor);
            return Changed(snapshot, next, entry, 0);
        });

    internal MarkResult MarkMediaCancelling(CallId callId, SupervisorRequest request) =>
        _feed.Update(snapshot =>
        {
            if (snapshot.Find(callId) is not { } call)
            {
                return Refuse(snapshot, UnknownCall(callId));
            }
            var availability = ActionAvailability.CanCancelMedia(call);
            if (!availability.Allowed)
            {
                return (snapshot, [], new MarkResult(availability, null));
            }
            var media = call.MediaOperations;
            var count = 0;
            foreach (var operation in call.MediaOperations.Values.Where(m => m.Status == MediaStatus.Running))
            {
                media = media.SetItem(operation.Id, operation with { Status = MediaStatus.Cancelling, CancelRequest = request });
                count++;
            }
            var entry = Log.Info(callId, request.RequestedAt, $"Cancel of {count} media operation(s) requested", request.Supervisor);
            var next = call with { MediaOperations = media };
            return Changed(snapshot, next, entry, new MarkResult(Availability.Ok, next));
        });

    internal void RevertMediaCancelling(CallId callId, SupervisorRequest request, TelephonyError error, DateTimeOffset at) =>
        _feed.Update(snapshot =>
        {
            if (snapshot.Find(callId) is not { } call)
            {
                return (snapshot, [], 0);
            }
            var media = call.MediaOperations;
            foreach (var operation in call.MediaOperations.Values.Where(m =>
                m.Status == MediaStatus.Cancelling && m.CancelRequest?.OperationContext == request.OperationContext))
            {
                media = media.SetItem(operation.Id, operation with { Status = MediaStatus.Running, CancelRequest = null });
            }
            var entry = Log.Error(callId, at, $"Cancel of media failed: {Describe.Error(error)}", request.Supervisor);
            return Changed(snapshot, call with { MediaOperations = media }, entry, 0);
        });

    private static string UnknownCall(CallId callId) => $"Call {callId} is not on the dashboard";

    private static (CallsSnapshot, ImmutableArray<CallChange>, MarkResult) Refuse(CallsSnapshot snapshot, string reason) =>
        (snapshot, [], new MarkResult(Availability.Refused(reason), null));

    private (CallsSnapshot, ImmutableArray<CallChange>, T) Changed<T>(CallsSnapshot snapshot, Call call, ActivityEntry entry, T result) =>
        (snapshot.WithCall(call).WithActivity([entry], _options.MaxActivity), [new CallChange(call.CallId, CallChangeKind.Updated)], result);
}
