using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

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
