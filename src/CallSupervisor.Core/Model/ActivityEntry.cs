using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

/// <summary>How an activity entry should be presented.</summary>
public enum ActivitySeverity
{
    Info,
    Success,
    Warning,
    Error,
}

/// <summary>What an activity entry is about (the kind of event that produced it), for filtering.</summary>
public enum ActivityCategory
{
    Call,
    Participants,
    Invitation,
    Media,
    Action,
}

/// <summary>
/// One line of the recent-activity feed. <paramref name="Supervisor"/> is set for entries caused by a supervisor's
/// action. <see cref="Category"/> and <see cref="CallLabel"/> (the call named by its caller, for a feed that
/// outlives the call) are filled in by the store when the entry is published.
/// </summary>
public sealed record ActivityEntry(
    DateTimeOffset At,
    CallId CallId,
    ActivitySeverity Severity,
    string Text,
    string? Supervisor = null)
{
    public ActivityCategory Category { get; init; }

    public string CallLabel { get; init; } = "";
}
