using System.Collections.Frozen;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Every supervisor action, once: the hub, the executor, the store's rules and the buttons find an action here by
/// its kind, and the screens list a scope's actions in this order.
/// </summary>
public static class SupervisorActions
{
    public static MuteAction Mute { get; } = new();

    public static CancelInvitationAction CancelInvitation { get; } = new();

    public static CancelMediaAction CancelMedia { get; } = new();

    public static IReadOnlyList<SupervisorAction> All { get; } =
    [
        new ListenAction(), new JoinAction(), new LeaveAction(), new AssignAction(), new TakeCallAction(), new TransferAction(),
        CancelMedia, new HangUpAction(),
        new StartRecordingAction(), new PauseRecordingAction(), new ResumeRecordingAction(), new StopRecordingAction(),
        Mute, new HoldAction(), new ResumeAction(), new RemoveAction(),
        CancelInvitation,
        new SetAgentStateAction(),
    ];

    private static readonly FrozenDictionary<ActionKind, SupervisorAction> ByKind = All.ToFrozenDictionary(a => a.Kind);

    public static SupervisorAction For(ActionKind kind) =>
        ByKind.TryGetValue(kind, out var action) ? action : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No descriptor for this action.");

    /// <summary>The action named <paramref name="name"/> (its kind's name, any case), or null.</summary>
    public static SupervisorAction? Named(string? name) =>
        Enum.TryParse<ActionKind>(name, ignoreCase: true, out var kind) && !int.TryParse(name, out _) && ByKind.TryGetValue(kind, out var action) ? action : null;

    /// <summary>
    /// The actions of <paramref name="scope"/> that can run on <paramref name="target"/> now, whoever asks (the hub
    /// lists them on the wire; the asker's role and own endpoint are checked when they run one).
    /// </summary>
    public static IEnumerable<SupervisorAction> AvailableOn(Call call, ActionScope scope, string target) =>
        In(scope).Where(a => a.Shows(call, target) && a.Check(call, a.DefaultTarget(call, target)).Allowed);

    /// <summary>The actions whose buttons sit on <paramref name="scope"/>, in screen order.</summary>
    public static IEnumerable<SupervisorAction> In(ActionScope scope) => All.Where(a => a.Scope == scope);
}
