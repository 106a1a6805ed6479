using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.Model;

/// <summary>A participant being added to the call (an ACS AddParticipant request) and how it ended.</summary>
/// <remarks>
/// <para><c>CancelRequest</c>:
/// The last cancel that was tried (it settled, or failed), kept so that a later AddParticipantSucceeded can tell
/// that the cancel lost the race, and so the outcome can be credited. A cancel still in flight is a
/// <see cref="CallSupervisor.Core.Events.PendingAction"/> on the call.
/// </para>
/// <para><c>CancelLostRace</c>: The invitee accepted although a cancel had been requested.</para>
/// <para><c>LastResult</c>: The result information of the newest ACS event about this invitation.</para>
/// <para><c>NoOutcomeFromAcs</c>: TimedOut because ACS reported nothing past the timeout (a lost callback), or
/// Accepted because the invitee was seen in a roster without an AddParticipantSucceeded.</para>
/// </remarks>
public sealed record Invitation(
    InvitationId InvitationId,
    CommunicationIdentifier Target,
    string OperationContext,
    DateTimeOffset RequestedAt,
    TimeSpan Timeout,
    InvitationStatus Status,
    bool CancelLostRace = false,
    ResultInfo? LastResult = null,
    DateTimeOffset? EndedAt = null,
    SupervisorRequest? CancelRequest = null,
    bool NoOutcomeFromAcs = false)
{
    /// <summary>When ACS gives up ringing the invitee if nobody answers.</summary>
    public DateTimeOffset ExpiresAt => RequestedAt + Timeout;

    /// <summary>Still waiting for an answer (a cancel may be in flight).</summary>
    public bool IsOpen => Status == InvitationStatus.Pending;
}
