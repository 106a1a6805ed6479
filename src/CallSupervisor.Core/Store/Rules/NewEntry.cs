using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>Builds the activity-feed entries the rules return (<c>NewEntry.Warning(callId, at, "…")</c>).</summary>
internal static class NewEntry
{
    /// <summary>The supervisor to credit, or null for requests nobody here made (another client, before a restart).</summary>
    public static string? By(SupervisorRequest? request) =>
        string.IsNullOrEmpty(request?.Supervisor) ? null : request.Supervisor;

    public static ActivityEntry Info(CallId callId, DateTimeOffset at, string text, string? supervisor = null) =>
        new(at, callId, ActivitySeverity.Info, text, supervisor);

    public static ActivityEntry Success(CallId callId, DateTimeOffset at, string text, string? supervisor = null) =>
        new(at, callId, ActivitySeverity.Success, text, supervisor);

    public static ActivityEntry Warning(CallId callId, DateTimeOffset at, string text, string? supervisor = null) =>
        new(at, callId, ActivitySeverity.Warning, text, supervisor);

    public static ActivityEntry Error(CallId callId, DateTimeOffset at, string text, string? supervisor = null) =>
        new(at, callId, ActivitySeverity.Error, text, supervisor);
}
