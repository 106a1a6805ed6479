using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallSupervisor.Audit.Data;

/// <summary>
/// The audit model on PostgreSQL (migrations in <c>Migrations/PostgreSql</c>): the audit id is the primary key,
/// the sequence a <c>bigint</c> identity with a unique index; timestamps are <c>timestamp with time zone</c>.
/// </summary>
public sealed class PostgreSqlAuditDbContext(DbContextOptions<PostgreSqlAuditDbContext> options) : AuditDbContext(options)
{
    protected override void ConfigureKeys(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasKey(e => e.Id).HasName("pk_audit_entries");
        entry.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        entry.HasIndex(e => e.Sequence).IsUnique().HasDatabaseName("ux_audit_entries_sequence");
    }
}
