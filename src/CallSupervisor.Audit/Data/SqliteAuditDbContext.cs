using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CallSupervisor.Audit.Data;

/// <summary>The audit model on SQLite (migrations in <c>Migrations/Sqlite</c>).</summary>
public sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options)
{
    protected override void ConfigureKeys(EntityTypeBuilder<AuditEntry> entry)
    {
        // SQLite generates values only for its INTEGER PRIMARY KEY (the rowid), so the sequence is the key here
        // (AUTOINCREMENT: never reused, even after the newest rows are deleted) and the audit id a unique index.
        // The table is then stored in sequence order, which is the order pages are read in.
        entry.HasKey(e => e.Sequence).HasName("pk_audit_entries");
        entry.Property(e => e.Sequence).ValueGeneratedOnAdd();
        entry.HasIndex(e => e.Id).IsUnique().HasDatabaseName("ux_audit_entries_id");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no timestamp type and EF stores DateTime as text; UTC ticks (an INTEGER) compare and sort
        // exactly, index compactly and read back as UTC. To read one in sqlite3:
        // datetime(requested_at / 10000000 - 62135596800, 'unixepoch').
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>A UTC <see cref="DateTime"/> as its ticks; read back with <see cref="DateTimeKind.Utc"/>.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTime, long>(
    v => v.ToUniversalTime().Ticks,
    v => new DateTime(v, DateTimeKind.Utc));
