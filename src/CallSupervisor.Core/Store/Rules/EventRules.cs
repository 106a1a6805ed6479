using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>Routes an event to the rule for its type, handling unknown and ended calls first.</summary>
internal static class EventRules
{
    public static Fold Apply(Call? call, CallEvent e) => call switch
    {
        null => ApplyToUnknownCall(e),
        { State: CallState.Disconnected } when e is ActionRequested => Fold.Ignored("The call has ended"),
        { State: CallState.Disconnected } => Fold.Ignored($"call {e.CallId} has ended"),
        _ => Settled(ApplyToKnownCall(call, e), e.OccurredAt),
    };

    /// <summary>Any change can settle a pending supervisor action (a roster shows the mute, media stopped, …).</summary>
    private static Fold Settled(Fold fold, DateTimeOffset at)
    {
        if (fold.Call is not { } call || !fold.Outcome.IsApplied)
        {
            return fold;
        }
        var (settled, activity) = ActionRules.Settle(call, at);
        var (offered, offerActivity) = QueueRules.FollowOffer(settled, at);
        var (followed, supervisorActivity) = SupervisionRules.Follow(offered, at);
        // Settled once more: following the offer can settle an action (a transfer's swap seen in the roster).
        var (resettled, lateActivity) = ReferenceEquals(offered, settled)
            ? (followed, (IReadOnlyList<ActivityEntry>)[])
            : ActionRules.Settle(followed, at);
        return activity.Count == 0 && offerActivity.Count == 0 && supervisorActivity.Count == 0 && ReferenceEquals(resettled, call)
            ? fold
            : fold with { Call = resettled, Activity = [.. fold.Activity, .. activity, .. offerActivity, .. supervisorActivity, .. lateActivity] };
    }

    /// <summary>
    /// Callbacks race each other and the app can restart mid-call, so an event may arrive for a call the store has
    /// never seen. Throwing would lose the event; instead the call is created as Unknown with NeedsReconcile set and
    /// the event applied to it. The call's existence is itself news, so the outcome is Applied even when the event
    /// had nothing to change.
    /// </summary>
    private static Fold ApplyToUnknownCall(CallEvent e)
    {
        switch (e)
        {
            case CallConnected connected:
                return LifecycleRules.Connect(null, connected);
            case CallAnswered answered:
                return LifecycleRules.Answered(answered);
            case CallDisconnected disconnected:
                // Recorded as ended so that later stragglers for it are ignored; it is pruned like any ended call.
                return LifecycleRules.Disconnect(null, disconnected);
            case CallReconciled or InvitationExpired or MediaExpired or ActionFailed or ActionExpired or AlertAcknowledged
                or CallQueued or OfferPlanned or OfferFailed or OperationReported or RecordingChanged:
                // The app's own checks of a call it has already removed: nothing to correct.
                return Fold.Ignored($"call {e.CallId} is not on the board");
            case ActionRequested:
                return Fold.Ignored($"Call {e.CallId} is not on the dashboard");
        }
        var placeholder = Call.Placeholder(e.CallId, e.OccurredAt);
        var created = NewEntry.Warning(e.CallId, e.OccurredAt, $"Call {e.CallId} seen before CallConnected; details need reconciling");
        var fold = ApplyToKnownCall(placeholder, e);
        return fold.Call is { } call
            ? Fold.Applied(call, [created, .. fold.Activity])
            : Fold.Applied(placeholder, created);
    }

    private static Fold ApplyToKnownCall(Call call, CallEvent e) => e switch
    {
        CallConnected c => LifecycleRules.Connect(call, c),
        // CallConnected can overtake the app's own record of its answer: the call is then known, but still this app's.
        CallAnswered => call.Routed ? Fold.Ignored($"call {call.CallId} is already on the board") : Fold.Applied(call with { Routed = true }),
        CallDisconnected d => LifecycleRules.Disconnect(call, d),
        ParticipantsUpdated p => RosterRules.Apply(call, p),
        InvitationRequested r => InvitationRules.Requested(call, r),
        AddParticipantSucceeded s => InvitationRules.Succeeded(call, s),
        AddParticipantFailed f => InvitationRules.Failed(call, f),
        CancelAddParticipantSucceeded cs => InvitationRules.CancelSucceeded(call, cs),
        CancelAddParticipantFailed cf => InvitationRules.CancelFailed(call, cf),
        MediaOperationStarted ms => MediaRules.Started(call, ms),
        MediaOperationEnded me => MediaRules.Ended(call, me),
        CallReconciled r => LifecycleRules.Reconcile(call, r),
        InvitationExpired ie => InvitationRules.Expired(call, ie),
        MediaExpired mx => MediaRules.Expired(call, mx),
        ActionRequested ar => ActionRules.Requested(call, ar),
        ActionFailed af => ActionRules.Failed(call, af),
        ActionExpired ax => ActionRules.Expired(call, ax),
        CallQueued q => QueueRules.Queued(call, q),
        OfferPlanned op => QueueRules.Planned(call, op),
        OfferFailed of => QueueRules.OfferFailed(call, of),
        OperationReported report => ActionRules.Reported(call, report),
        RecordingChanged recording => RecordingRules.Changed(call, recording),
        AlertAcknowledged ack => Fold.Applied(
            call with { Acknowledged = new Acknowledgement(ack.By, ack.OccurredAt, ack.Reasons) },
            NewEntry.Info(call.CallId, ack.OccurredAt, $"Alert acknowledged ({ack.Reasons})", ack.By)),
        _ => Fold.Ignored($"event type {e.GetType().Name} is not handled by the store"),
    };
}
