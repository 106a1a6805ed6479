using CallSupervisor.Core.Calls;

namespace CallSupervisor.Core.Store;

/// <summary>
/// A participant as the latest roster shows it, plus the supervisor's mute request while ACS has not confirmed it.
/// </summary>
/// <remarks>
/// <para><c>JoinedAt</c>: When the participant first appeared in a roster of this call (kept across roster updates).</para>
/// <para><c>PendingMute</c>:
/// Set while a supervisor's mute was sent but no roster has shown <c>isMuted</c> yet: ACS answers mute with 200 and
/// no callback, so only a later ParticipantsUpdated confirms it.
/// </para>
/// </remarks>
public sealed record Participant(
    CommunicationIdentifier Identifier,
    bool IsMuted,
    bool IsOnHold,
    DateTimeOffset JoinedAt,
    SupervisorRequest? PendingMute = null)
{
    public string RawId => Identifier.RawId;

    public bool IsMutePending => PendingMute is not null;
}

/// <summary>A supervisor action in flight: who asked, when, and the operationContext sent with it.</summary>
public sealed record SupervisorRequest(string Supervisor, DateTimeOffset RequestedAt, string OperationContext);
