using CallSupervisor.Core.Calls;

namespace CallSupervisor.Core.Store;

/// <summary>How an activity entry should be presented.</summary>
public enum ActivitySeverity
{
    Info,
    Success,
    Warning,
    Error,
}

/// <summary>
/// One line of the recent-activity feed and audit trail. <paramref name="Supervisor"/> is set for entries caused by
/// a supervisor's command.
/// </summary>
public sealed record ActivityEntry(
    DateTimeOffset At,
    CallId CallId,
    ActivitySeverity Severity,
    string Text,
    string? Supervisor = null);
