using CallSupervisor.Core.Store;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// A supervisor action sent (or about to be sent) and not yet settled, kept on its call under its operationContext.
/// <paramref name="Target"/> names what it acts on within the call: a participant's raw id (mute), an invitation
/// id (cancel invitation), or empty for the whole call (cancel media).
/// </summary>
public sealed record PendingAction(ActionKind Kind, string Target, SupervisorRequest Request)
{
    public string OperationContext => Request.OperationContext;
}

/// <summary>How a supervisor action ended.</summary>
public enum ActionResult
{
    /// <summary>ACS confirmed it (the roster shows the mute, the invitation is cancelled, the media stopped).</summary>
    Confirmed,

    /// <summary>ACS or Graph refused the request; nothing changed.</summary>
    Failed,

    /// <summary>Something else happened first: the invitee accepted, the participant left, the media ended.</summary>
    Overtaken,

    /// <summary>No confirmation arrived within the confirmation timeout; it can be tried again.</summary>
    NotConfirmed,

    /// <summary>The call ended while the action was pending.</summary>
    CallEnded,
}

/// <summary>The end of a supervisor action, kept on its call for the UI (and the audit trail) to read.</summary>
public sealed record ActionOutcome(ActionKind Kind, string Target, SupervisorRequest Request, ActionResult Result, string Text, DateTimeOffset At)
{
    public string OperationContext => Request.OperationContext;
}

/// <summary>
/// How a pending action was settled. <paramref name="Announce"/> asks for an activity entry of its own: when no
/// other rule tells the supervisor what happened (a participant who left before the mute took effect).
/// </summary>
public sealed record Settlement(ActionResult Result, string Text, bool Announce = false);
