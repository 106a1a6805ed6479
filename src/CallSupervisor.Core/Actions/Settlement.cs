using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// How a pending action was settled. <paramref name="Announce"/> asks for an activity entry of its own: when no
/// other rule tells the supervisor what happened (a participant who left before the mute took effect).
/// </summary>
public sealed record Settlement(ActionResult Result, string Text, bool Announce = false);
