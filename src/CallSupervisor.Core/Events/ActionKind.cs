namespace CallSupervisor.Core.Events;

/// <summary>The supervisor actions. Each has one <c>Actions.SupervisorAction</c> describing it.</summary>
public enum ActionKind
{
    Mute,
    CancelInvitation,
    CancelMedia,
}
