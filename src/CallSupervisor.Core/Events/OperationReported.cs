using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Events;

/// <summary>
/// ACS's word on an operation a supervisor action started, correlated by <paramref name="OperationContext"/>: one
/// event for every such callback (<c>HoldFailed</c>, <c>RemoveParticipantSucceeded</c>/<c>Failed</c>,
/// <c>CallTransferAccepted</c>/<c>Failed</c>), so a new action needs no new event type. <paramref name="Name"/> is the
/// callback's type. The pending action with that context decides what it means (see <c>SupervisorAction.Reported</c>).
/// </summary>
public sealed record OperationReported(
    string EventId, CallId CallId, DateTimeOffset OccurredAt, string Name, string? OperationContext, bool Succeeded, ResultInfo? Result)
    : CallEvent(EventId, CallId, OccurredAt)
{
    /// <summary>The participant the operation was about (remove), if the callback names one.</summary>
    public CommunicationIdentifier? Participant { get; init; }

    /// <summary>CallTransferAccepted's transferTarget.</summary>
    public CommunicationIdentifier? TransferTarget { get; init; }

    /// <summary>CallTransferAccepted's transferee.</summary>
    public CommunicationIdentifier? Transferee { get; init; }
}
