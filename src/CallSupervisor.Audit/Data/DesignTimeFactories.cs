using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CallSupervisor.Audit.Data;

// Used only by `dotnet ef migrations add` (see the README's Audit trail section); the app builds its contexts in
// AuditStorage. Neither opens a connection: generating a migration needs the provider, not a database.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAuditDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAuditDbContext>
{
    public PostgreSqlAuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlAuditDbContext>().UseNpgsql("Host=localhost;Database=audit").Options);
}
