using System.Collections.Immutable;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Who asks and what for, before an action is marked: the board as it is, the actor, the target and arguments as
/// given. <see cref="SupervisorAction.Prepare"/> turns it into the target and arguments the action runs with.
/// </summary>
public sealed record ActionAsk(
    CallsSnapshot Board, Call? Call, string Target, ImmutableDictionary<string, string> Arguments,
    string ActorId, string ActorName, IActionDirectory Directory);

/// <summary>The target and arguments an action runs with, or why it cannot run.</summary>
public sealed record Preparation(string Target, ImmutableDictionary<string, string> Arguments, string? Refusal = null)
{
    public static Preparation Refuse(string reason) => new("", ImmutableDictionary<string, string>.Empty, reason);
}
