using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Events;

/// <summary>
/// Something that happened to a call, as the store applies it. <see cref="EventId"/> is the CloudEvent id (or
/// Graph notification id, or a local id for facts the app learns from its own requests) and is the
/// de-duplication key: an event id is applied at most once.
/// </summary>
/// <remarks>
/// The event log stores events as JSON (see <see cref="EventLog.EventJson"/>) under the names its
/// <c>EventTypeNames</c> lists: a new event type needs a name there.
/// </remarks>
public abstract record CallEvent(string EventId, CallId CallId, DateTimeOffset OccurredAt)
{
    /// <summary>
    /// Whether the sender may deliver this event again (callbacks: ACS and Graph deliver at least once). Events the
    /// app makes itself are unique or harmless to apply twice; their ids are not kept for de-duplication, so they
    /// cannot push callback ids out of the bounded window.
    /// </summary>
    public virtual bool Redeliverable => true;

    /// <summary>What the store remembers to apply this event at most once: the event id, unless the event says otherwise.</summary>
    public virtual string DeduplicationKey => EventId;
}

/// <summary>
/// The call is established (ACS CallConnected; Graph call state "established"). <see cref="CallerName"/> is the
/// caller's display name when the app knows it (from the IncomingCall it answered).
/// </summary>
public sealed record CallConnected(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    CallPlatform Platform, string? ServerCallId, string? CorrelationId,
    CommunicationIdentifier? Caller, CommunicationIdentifier? Callee)
    : CallEvent(EventId, CallId, OccurredAt)
{
    public string? CallerName { get; init; }
}

/// <summary>The call has ended (ACS CallDisconnected; Graph call state "terminated").</summary>
public sealed record CallDisconnected(string EventId, CallId CallId, DateTimeOffset OccurredAt, ResultInfo? Result)
    : CallEvent(EventId, CallId, OccurredAt);

/// <summary>
/// The full roster (ACS ParticipantsUpdated). Applied last-writer-wins by <see cref="SequenceNumber"/>; older API
/// versions send none (null), and such a roster is ordered by <see cref="CallEvent.OccurredAt"/> instead (see
/// <c>RosterRules</c>).
/// </summary>
public sealed record ParticipantsUpdated(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    int? SequenceNumber, ImmutableArray<ParticipantState> Participants)
    : CallEvent(EventId, CallId, OccurredAt);

/// <summary>
/// The app's AddParticipant request was accepted by ACS (the response carries the invitationId). ACS sends no
/// event for this: the app raises it from the response.
/// </summary>
public sealed record InvitationRequested(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    InvitationId InvitationId, CommunicationIdentifier Target, string OperationContext, TimeSpan Timeout)
    : CallEvent(EventId, CallId, OccurredAt)
{
    /// <summary>The invitee's display name from configuration (the agent's name), if any.</summary>
    public string? TargetName { get; init; }
}

/// <summary>ACS AddParticipantSucceeded: carries no invitationId, correlate by <see cref="OperationContext"/>.</summary>
public sealed record AddParticipantSucceeded(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    string? OperationContext, CommunicationIdentifier? Participant)
    : CallEvent(EventId, CallId, OccurredAt);

/// <summary>ACS AddParticipantFailed (declined, not answered, timed out): correlate by operationContext.</summary>
public sealed record AddParticipantFailed(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    string? OperationContext, CommunicationIdentifier? Participant, ResultInfo? Result)
    : CallEvent(EventId, CallId, OccurredAt);

/// <summary>ACS CancelAddParticipantSucceeded: carries the invitationId, no participant.</summary>
public sealed record CancelAddParticipantSucceeded(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    InvitationId InvitationId, string? OperationContext)
    : CallEvent(EventId, CallId, OccurredAt);

/// <summary>ACS CancelAddParticipantFailed (e.g. the invitee accepted first).</summary>
public sealed record CancelAddParticipantFailed(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    InvitationId InvitationId, string? OperationContext, ResultInfo? Result)
    : CallEvent(EventId, CallId, OccurredAt);

/// <summary>A media operation is running (the app's own request, ACS PlayStarted, or a running Graph operation).</summary>
public sealed record MediaOperationStarted(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    MediaOperationId OperationId, MediaKind Kind, string? Description)
    : CallEvent(EventId, CallId, OccurredAt)
{
    /// <summary>Plays until cancelled (hold music): no end is expected, so it never expires.</summary>
    public bool Looped { get; init; }
}

/// <summary>
/// A media operation ended: ACS Play/Recognize Completed, Failed or Canceled; Graph operation completed or failed
/// (a cancelled Graph operation arrives as failed with subcode 8508 and is reported as <see cref="MediaStatus.Cancelled"/>).
/// </summary>
public sealed record MediaOperationEnded(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    MediaOperationId OperationId, MediaKind Kind, MediaStatus Outcome, ResultInfo? Result)
    : CallEvent(EventId, CallId, OccurredAt)
{
    /// <summary>The keys the caller pressed (RecognizeCompleted, DTMF: <c>"1"</c>, <c>"12#"</c>), if any.</summary>
    public string? Tones { get; init; }
}

/// <summary>
/// What ACS said when the app re-read a live call (GET call connection + GET participants). Callbacks can be lost,
/// so the board is re-checked against ACS periodically. <see cref="ObservedRosterSequence"/> is the call's
/// <see cref="CallSupervisor.Core.Model.Call.LastRosterSequence"/> when the read started: the fetched roster (which has no sequence
/// number) replaces the board's only if no newer ParticipantsUpdated was applied in the meantime. Produced locally,
/// never redelivered, so its id is not kept for de-duplication.
/// </summary>
public sealed record CallReconciled(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    Ports.CallDetails Details, ImmutableArray<ParticipantState> Participants, int? ObservedRosterSequence)
    : CallEvent(EventId, CallId, OccurredAt)
{
    public override bool Redeliverable => false;
}

/// <summary>
/// An invitation is past its ringing timeout plus a grace period and ACS reported no outcome (the callback was
/// lost): it ends as timed out, with no answer from ACS.
/// </summary>
public sealed record InvitationExpired(string EventId, CallId CallId, DateTimeOffset OccurredAt, InvitationId InvitationId)
    : CallEvent(EventId, CallId, OccurredAt)
{
    public override bool Redeliverable => false;
}

/// <summary>
/// A media operation has run longer than the configured media timeout without an end event (ACS offers no way to
/// read media state back): it is closed as <see cref="MediaStatus.Expired"/> so nothing stays Running forever.
/// </summary>
public sealed record MediaExpired(string EventId, CallId CallId, DateTimeOffset OccurredAt, MediaOperationId OperationId)
    : CallEvent(EventId, CallId, OccurredAt)
{
    public override bool Redeliverable => false;
}

/// <summary>
/// This app answered the call (the answer response carried its callConnectionId). It puts the call on the board at
/// once, as Connecting, so it is shown and re-checked even if CallConnected is lost; CallConnected then completes it.
/// </summary>
public sealed record CallAnswered(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    string? ServerCallId, string? CorrelationId, CommunicationIdentifier Caller, CommunicationIdentifier Callee, string? CallerName)
    : CallEvent(EventId, CallId, OccurredAt)
{
    public override bool Redeliverable => false;
}

/// <summary>
/// A supervisor asked for an action: applying it checks the action's availability and marks it pending in one
/// atomic step, so two identical requests fired together cannot both pass. Not applied means refused, with the
/// reason in the outcome.
/// </summary>
public sealed record ActionRequested(string EventId, CallId CallId, DateTimeOffset OccurredAt, CallSupervisor.Core.Events.PendingAction Action)
    : CallEvent(EventId, CallId, OccurredAt)
{
    public override bool Redeliverable => false;
}

/// <summary>ACS or Graph refused the action's request: the pending mark it made (and only that one) is removed.</summary>
public sealed record ActionFailed(string EventId, CallId CallId, DateTimeOffset OccurredAt, CallSupervisor.Core.Events.PendingAction Action, Ports.TelephonyError Error)
    : CallEvent(EventId, CallId, OccurredAt)
{
    public override bool Redeliverable => false;
}

/// <summary>The action stayed unconfirmed past the confirmation timeout (a callback was lost): it is released.</summary>
public sealed record ActionExpired(string EventId, CallId CallId, DateTimeOffset OccurredAt, string OperationContext)
    : CallEvent(EventId, CallId, OccurredAt)
{
    public override bool Redeliverable => false;
}
