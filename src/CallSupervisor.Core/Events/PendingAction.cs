namespace CallSupervisor.Core.Events;

/// <summary>
/// A supervisor action sent (or about to be sent) and not yet settled, kept on its call under its operationContext.
/// <paramref name="Target"/> names what it acts on within the call: a participant's raw id (mute), an invitation
/// id (cancel invitation), or empty for the whole call (cancel media).
/// </summary>
public sealed record PendingAction(ActionKind Kind, string Target, SupervisorRequest Request)
{
    public string OperationContext => Request.OperationContext;
}

/// <summary>
/// A supervisor action in flight: who asked (display name for the board, stable id for the audit trail), when, and
/// the operationContext sent with it (also the action's audit id).
/// </summary>
public sealed record SupervisorRequest(string Supervisor, DateTimeOffset RequestedAt, string OperationContext, string? SupervisorId = null);
