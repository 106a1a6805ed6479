namespace CallSupervisor.Audit;

/// <summary>Where the audit trail is stored.</summary>
public enum AuditProvider
{
    /// <summary>A local SQLite file (<see cref="AuditOptions.SqlitePath"/>): one instance, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (<c>ConnectionStrings:Audit</c>): shared by several instances, backed up with the rest.</summary>
    PostgreSql,
}

/// <summary>Settings of the audit trail (section <c>Audit</c>; the PostgreSQL connection string is <c>ConnectionStrings:Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>The name under <c>ConnectionStrings</c> used for PostgreSQL.</summary>
    public const string ConnectionStringName = "Audit";

    public AuditProvider Provider { get; set; } = AuditProvider.Sqlite;

    /// <summary>The SQLite file; a relative path is under the app's content root. Its folder is created.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "audit.db");

    /// <summary>
    /// The PostgreSQL connection string. Taken from <c>ConnectionStrings:Audit</c> unless set here; a SQLite
    /// connection string may be given too (it then wins over <see cref="SqlitePath"/>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// At start, actions still <c>Sending</c>/<c>Accepted</c> that were requested longer ago than this become
    /// <c>NotConfirmed</c>: their outcome was lost with the previous process. Younger ones are left alone because
    /// another instance sharing the database may still be waiting for them; keep it above <c>Calls:ConfirmationTimeout</c>.
    /// </summary>
    public TimeSpan UnsettledAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long rows are kept (by the time the action was requested); older ones are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>
    /// How long call records (<c>call_records</c> and their visits and offers) are kept, by the call's arrival. Apart from
    /// <see cref="Retention"/> because the two serve different needs: the audit trail answers for what supervisors did,
    /// the records hold callers' numbers for the reports, which privacy rules often keep shorter (and workforce planning
    /// would keep a year or more).
    /// </summary>
    public TimeSpan CallRecordRetention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often the retention job runs (it also runs once at start).</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Updates (ACS's answer, settlements) waiting to be written. Generous because an update that does not fit is
    /// lost (it is logged and counted, never silently dropped); each waiting update holds a few hundred bytes.
    /// </summary>
    public int QueueCapacity { get; set; } = 100_000;
}
