using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Store;

/// <summary>A participant as the latest roster shows it. A mute in flight is a pending action on the call.</summary>
/// <remarks>
/// <para><c>JoinedAt</c>: When the participant first appeared in a roster of this call (kept across roster updates).</para>
/// <para><c>OnHoldSince</c>: When a roster first showed the participant on hold (null when not on hold).</para>
/// </remarks>
public sealed record Participant(
    CommunicationIdentifier Identifier,
    bool IsMuted,
    bool IsOnHold,
    DateTimeOffset JoinedAt,
    DateTimeOffset? OnHoldSince = null)
{
    public string RawId => Identifier.RawId;
}

/// <summary>
/// A supervisor action in flight: who asked (display name for the board, stable id for the audit trail), when, and
/// the operationContext sent with it (also the action's audit id).
/// </summary>
public sealed record SupervisorRequest(string Supervisor, DateTimeOffset RequestedAt, string OperationContext, string? SupervisorId = null);
