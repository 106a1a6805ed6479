namespace CallSupervisor.Core.Events;

/// <summary>
/// The supervisor actions. Each has one <c>Actions.SupervisorAction</c> describing it; on the wire and in the audit
/// trail an action is named by this name. New kinds go at the end (the audit trail may store the number).
/// </summary>
public enum ActionKind
{
    Mute,
    CancelInvitation,
    CancelMedia,
    Listen,
    Join,
    Leave,
    Hold,
    Resume,
    Transfer,
    Remove,
    HangUp,
    Assign,
    TakeCall,
    SetAgentState,
    StartRecording,
    PauseRecording,
    ResumeRecording,
    StopRecording,

    /// <summary>An administrator changed the targets and thresholds (audited; not an action on a call).</summary>
    ChangeTargets,

    /// <summary>A supervisor acknowledged a call's alert: they are on it (audited; nothing is sent to ACS).</summary>
    AcknowledgeAlert,
}
