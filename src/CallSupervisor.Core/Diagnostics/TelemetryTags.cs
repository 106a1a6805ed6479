namespace CallSupervisor.Core.Diagnostics;

/// <summary>
/// Attribute names of the product's spans. OpenTelemetry's semantic conventions where one fits (<c>db.*</c> for the
/// Redis and SQLite calls of the event log); the product's own under <c>callsupervisor.</c> (the event log is not a
/// messaging system, so <c>messaging.*</c> would mislead a reader).
/// </summary>
public static class TelemetryTags
{
    public const string CallId = "callsupervisor.call_id";
    public const string EventType = "callsupervisor.event_type";
    public const string EventCount = "callsupervisor.event_count";
    public const string ChangeCount = "callsupervisor.change_count";
    public const string CallbackSource = "callsupervisor.callback.source";
    public const string Outcome = "callsupervisor.outcome";
    public const string Position = "callsupervisor.eventlog.position";
    public const string Action = "callsupervisor.action";
    public const string OperationContext = "callsupervisor.operation_context";
    public const string Component = "callsupervisor.component";
    public const string DbSystem = "db.system.name";
    public const string DbOperation = "db.operation.name";
}
