using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Events;

/// <summary>
/// A supervisor acknowledged the alert of a call: they are on it. <paramref name="Reasons"/> are the reasons it needed
/// attention then, in the board's words (e.g. "Ringing long, On hold long"): a new reason alerts again.
/// </summary>
public sealed record AlertAcknowledged(string EventId, CallId CallId, DateTimeOffset OccurredAt, string Reasons, string By)
    : CallEvent(EventId, CallId, OccurredAt)
{
    /// <summary>The signed-in user's object id (the audit trail's actor).</summary>
    public string? ByUserId { get; init; }

    public override bool Redeliverable => false;
}
