using System.Collections.Immutable;

namespace CallSupervisor.Core.Events;

/// <summary>
/// A supervisor action sent (or about to be sent) and not yet settled, kept on its call under its operationContext.
/// <paramref name="Target"/> names what it acts on within the call: a participant's raw id (mute, hold, remove, the
/// agent handed over by a transfer, the supervisor's own endpoint for listen/join/leave), an invitation id (cancel
/// invitation), an agent id (assign, take the call), or empty for the whole call (cancel media, hang up).
/// </summary>
public sealed record PendingAction(ActionKind Kind, string Target, SupervisorRequest Request)
{
    public string OperationContext => Request.OperationContext;

    /// <summary>
    /// What the action needs beyond its target, resolved before it was marked (a transfer's destination and its
    /// name, the agent's identity of an assign), so the log replays it exactly as it was sent.
    /// </summary>
    /// <remarks>Null when there are none (most actions), so the log's JSON of those stays as it always was.</remarks>
    public ImmutableDictionary<string, string>? Arguments { get; init; }

    /// <summary>The argument <paramref name="name"/>, or null.</summary>
    public string? Argument(string name) => Arguments?.GetValueOrDefault(name);
}

/// <summary>
/// A supervisor action in flight: who asked (display name for the board, stable id for the audit trail), when, and
/// the operationContext sent with it (also the action's audit id).
/// </summary>
public sealed record SupervisorRequest(string Supervisor, DateTimeOffset RequestedAt, string OperationContext, string? SupervisorId = null);
