using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

public enum CallChangeKind
{
    Added,
    Updated,
    Removed,

    /// <summary>One or more agents changed (<see cref="CallChange.Agents"/>): the batch's state has them all.</summary>
    Agents,
}

/// <summary>
/// Which call a published change touched, so a subscriber (e.g. the SignalR hub) can push only that call from the
/// batch's state, or tell clients to drop it.
/// </summary>
public sealed record CallChange(CallId CallId, CallChangeKind Kind)
{
    /// <summary>The change that says agents changed; its call id belongs to no call.</summary>
    public static CallChange Agents { get; } = new(new CallId("agents"), CallChangeKind.Agents);

    public bool IsAgents => Kind == CallChangeKind.Agents;
}
