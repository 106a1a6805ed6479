using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.Actions;

/// <summary>The one descriptor of each action.</summary>
public static class SupervisorActions
{
    public static MuteAction Mute { get; } = new();

    public static CancelInvitationAction CancelInvitation { get; } = new();

    public static CancelMediaAction CancelMedia { get; } = new();

    public static IReadOnlyList<SupervisorAction> All { get; } = [Mute, CancelInvitation, CancelMedia];

    public static SupervisorAction For(ActionKind kind) => kind switch
    {
        ActionKind.Mute => Mute,
        ActionKind.CancelInvitation => CancelInvitation,
        ActionKind.CancelMedia => CancelMedia,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No descriptor for this action."),
    };
}
