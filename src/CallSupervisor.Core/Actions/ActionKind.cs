namespace CallSupervisor.Core.Actions;

/// <summary>The supervisor actions. Each has one <see cref="SupervisorAction"/> describing it.</summary>
public enum ActionKind
{
    Mute,
    CancelInvitation,
    CancelMedia,
}
