using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Ports;

/// <summary>
/// One roster entry as a service reports it (in <see cref="Events.ParticipantsUpdated"/> and a re-read). <see cref="DisplayName"/> is set where the service tells it
/// (Graph identities carry one; ACS rosters do not).
/// </summary>
public sealed record ParticipantState(CommunicationIdentifier Identifier, bool IsMuted, bool IsOnHold)
{
    public string? DisplayName { get; init; }
}
