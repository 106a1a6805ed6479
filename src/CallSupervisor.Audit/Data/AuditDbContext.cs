using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallSupervisor.Audit.Data;

/// <summary>
/// The audit trail's model (and the call records' and settings' tables beside it), shared by both providers. Each provider has a context of its own
/// (<see cref="SqliteAuditDbContext"/>, <see cref="PostgreSqlAuditDbContext"/>) so each has its own migration set.
/// </summary>
public abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public const string TableName = "audit_entries";

    // Column limits. Indexed text has a bound; free text (description, detail) does not, so a long error message
    // can never make an insert fail — a failed insert means the action is not sent.
    internal const int IdLength = 256;
    internal const int NameLength = 256;
    internal const int ShortLength = 64;
    internal const int TargetLength = 1024;

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    public DbSet<CallRecordRow> CallRecords => Set<CallRecordRow>();

    public DbSet<CallQueueVisitRow> CallQueueVisits => Set<CallQueueVisitRow>();

    public DbSet<CallOfferRow> CallOffers => Set<CallOfferRow>();

    public DbSet<SettingRow> Settings => Set<SettingRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var entry = modelBuilder.Entity<AuditEntry>();
        entry.ToTable(TableName);
        ConfigureKeys(entry);
        entry.Property(e => e.Id).HasColumnName("id").HasMaxLength(IdLength).IsRequired();
        entry.Property(e => e.Sequence).HasColumnName("sequence");
        entry.Property(e => e.RequestedAt).HasColumnName("requested_at");
        entry.Property(e => e.ActorId).HasColumnName("actor_id").HasMaxLength(NameLength);
        entry.Property(e => e.ActorName).HasColumnName("actor_name").HasMaxLength(NameLength);
        entry.Property(e => e.ActorRole).HasColumnName("actor_role").HasMaxLength(ShortLength);
        entry.Property(e => e.Action).HasColumnName("action").HasMaxLength(ShortLength);
        entry.Property(e => e.CallId).HasColumnName("call_id").HasMaxLength(NameLength);
        entry.Property(e => e.Target).HasColumnName("target").HasMaxLength(TargetLength);
        entry.Property(e => e.Description).HasColumnName("description");
        entry.Property(e => e.Status).HasColumnName("status").HasMaxLength(ShortLength);
        entry.Property(e => e.Detail).HasColumnName("detail");
        entry.Property(e => e.ErrorCode).HasColumnName("error_code").HasMaxLength(ShortLength);
        entry.Property(e => e.AcceptedAt).HasColumnName("accepted_at");
        entry.Property(e => e.SettledAt).HasColumnName("settled_at");
        entry.Property(e => e.UpdatedAt).HasColumnName("updated_at");

        // Pages are newest first by sequence; each filter's index ends with sequence, so "filter = x and
        // sequence < cursor order by sequence desc" is one index range read, however deep the page.
        entry.HasIndex(e => new { e.RequestedAt, e.Sequence }).HasDatabaseName("ix_audit_entries_requested_at");
        entry.HasIndex(e => new { e.ActorId, e.Sequence }).HasDatabaseName("ix_audit_entries_actor_id");
        entry.HasIndex(e => new { e.Action, e.Sequence }).HasDatabaseName("ix_audit_entries_action");
        entry.HasIndex(e => new { e.Status, e.Sequence }).HasDatabaseName("ix_audit_entries_status");
        entry.HasIndex(e => new { e.CallId, e.Sequence }).HasDatabaseName("ix_audit_entries_call_id");

        CallRecordModel.Configure(modelBuilder);
    }

    /// <summary>The key and the sequence's generation, which the providers do differently.</summary>
    protected abstract void ConfigureKeys(EntityTypeBuilder<AuditEntry> entry);
}
