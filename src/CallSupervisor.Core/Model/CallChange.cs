using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

public enum CallChangeKind
{
    Added,
    Updated,
    Removed,
}

/// <summary>
/// Which call a published change touched, so a subscriber (e.g. the SignalR hub) can push only that call from the
/// batch's state, or tell clients to drop it.
/// </summary>
public sealed record CallChange(CallId CallId, CallChangeKind Kind);
