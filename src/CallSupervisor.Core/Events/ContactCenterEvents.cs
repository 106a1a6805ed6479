using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Events;

/// <summary>
/// The caller waits in <paramref name="QueueId"/> for an agent: from the menu's choice, the default queue when the
/// menu gave none, or another queue when the first one's wait limit passed (<see cref="Overflowed"/>). A caller keeps
/// the time they first queued, so a call back in the queue after a missed offer is first in line again.
/// </summary>
public sealed record CallQueued(string EventId, CallId CallId, DateTimeOffset OccurredAt, string QueueId) : CallEvent(EventId, CallId, OccurredAt)
{
    /// <summary>Moved here because the previous queue's maximum wait passed.</summary>
    public bool Overflowed { get; init; }

    public override bool Redeliverable => false;
}

/// <summary>
/// The router chose <paramref name="AgentId"/> for a queued call. Appended before the request goes to ACS, so every
/// instance sees the agent as offered at once, and a restart finds the plan and re-sends the same request (its
/// Repeatability-Request-ID follows from <paramref name="OperationContext"/>) instead of offering the call twice.
/// </summary>
public sealed record OfferPlanned(
    string EventId, CallId CallId, DateTimeOffset OccurredAt,
    string AgentId, CommunicationIdentifier Agent, string OperationContext) : CallEvent(EventId, CallId, OccurredAt)
{
    public string? AgentName { get; init; }

    public override bool Redeliverable => false;
}

/// <summary>The offer's AddParticipant request failed (ACS refused it): the caller is back first in line.</summary>
public sealed record OfferFailed(string EventId, CallId CallId, DateTimeOffset OccurredAt, string OperationContext, string Reason)
    : CallEvent(EventId, CallId, OccurredAt)
{
    public override bool Redeliverable => false;
}

/// <summary>
/// An agent said they are available, away (with a reason) or offline — through the agent API, a supervisor, or the
/// router (missed offers in a row, wrap-up over). Not about a call: <see cref="CallEvent.CallId"/> is
/// <see cref="AgentsCallId"/>.
/// </summary>
public sealed record AgentStateChanged(string EventId, DateTimeOffset OccurredAt, string AgentId, AgentPresence Presence, string? Reason)
    : CallEvent(EventId, AgentsCallId, OccurredAt)
{
    /// <summary>The call id agent events carry: they belong to no call (no call ever has this id).</summary>
    public static readonly CallId AgentsCallId = new("agents");

    /// <summary>Who set it (the agent's or a supervisor's name), for the activity line.</summary>
    public string? By { get; init; }

    /// <summary>The signed-in user's object id when set through the agent API: the log keeps who did it.</summary>
    public string? ByUserId { get; init; }

    public override bool Redeliverable => false;
}
