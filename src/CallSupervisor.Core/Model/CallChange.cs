using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

public enum CallChangeKind
{
    Added,
    Updated,
    Removed,

    /// <summary>One or more agents changed (<see cref="CallChange.Agents"/>): the batch's state has them all.</summary>
    Agents,

    /// <summary>The targets changed (<see cref="CallChange.Settings"/>): the batch's state has them.</summary>
    Settings,
}

/// <summary>
/// Which call a published change touched, so a subscriber (e.g. the SignalR hub) can push only that call from the
/// batch's state, or tell clients to drop it.
/// </summary>
public sealed record CallChange(CallId CallId, CallChangeKind Kind)
{
    /// <summary>The change that says agents changed; its call id belongs to no call.</summary>
    public static CallChange Agents { get; } = new(new CallId("agents"), CallChangeKind.Agents);

    /// <summary>The change that says the targets changed; its call id belongs to no call.</summary>
    public static CallChange Settings { get; } = new(new CallId("settings"), CallChangeKind.Settings);

    public bool IsAgents => Kind == CallChangeKind.Agents;

    /// <summary>About one call (added, updated or removed), not the agents or the settings.</summary>
    public bool IsCall => Kind is CallChangeKind.Added or CallChangeKind.Updated or CallChangeKind.Removed;
}
