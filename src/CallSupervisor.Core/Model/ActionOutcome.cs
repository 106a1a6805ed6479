using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.Model;

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
