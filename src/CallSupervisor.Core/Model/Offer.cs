using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

/// <summary>
/// A queued call offered to one agent: planned (in the log, the request on its way), then ringing once ACS answered
/// with <see cref="InvitationId"/>. One at a time per call; when it ends the call is back first in line.
/// </summary>
public sealed record Offer(
    string AgentId,
    CommunicationIdentifier Agent,
    string? AgentName,
    string OperationContext,
    DateTimeOffset PlannedAt,
    InvitationId? InvitationId = null)
{
    /// <summary>
    /// The raw id of the agent this offer replaces (a transfer: ACS swaps them in one step, with no invitation), or
    /// null for an offer by invitation.
    /// </summary>
    public string? Replaces { get; init; }
}
