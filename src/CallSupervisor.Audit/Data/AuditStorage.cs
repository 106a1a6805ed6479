using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Audit.Data;

/// <summary>Builds the context factory for the configured provider.</summary>
public static class AuditStorage
{
    /// <summary>
    /// A pooled context factory for <paramref name="options"/>. A relative SQLite path is resolved against
    /// <paramref name="contentRoot"/> and its folder is created.
    /// </summary>
    public static IDbContextFactory<AuditDbContext> CreateFactory(AuditOptions options, string contentRoot, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            AuditProvider.Sqlite => new Factory<SqliteAuditDbContext>(Configure(new DbContextOptionsBuilder<SqliteAuditDbContext>()
                .UseSqlite(SqliteConnectionString(options, contentRoot)), loggerFactory)),
            AuditProvider.PostgreSql => new Factory<PostgreSqlAuditDbContext>(Configure(new DbContextOptionsBuilder<PostgreSqlAuditDbContext>()
                .UseNpgsql(options.ConnectionString), loggerFactory)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown audit provider"),
        };
    }

    /// <summary>The SQLite connection string: <see cref="AuditOptions.ConnectionString"/>, else the file at <see cref="AuditOptions.SqlitePath"/>.</summary>
    public static string SqliteConnectionString(AuditOptions options, string contentRoot)
    {
        var builder = SqliteBuilder(options, contentRoot, out var file);
        if (file is not null && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        // A writer waits up to this long for another one's transaction instead of failing at once.
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>The SQLite database file (absolute), or null for an in-memory or URI-named database.</summary>
    public static string? SqliteFile(AuditOptions options, string contentRoot)
    {
        SqliteBuilder(options, contentRoot, out var file);
        return file;
    }

    private static SqliteConnectionStringBuilder SqliteBuilder(AuditOptions options, string contentRoot, out string? file)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(options.SqlitePath, contentRoot) }
            : new SqliteConnectionStringBuilder(options.ConnectionString);
        // A relative file is under the content root, not the working directory (which differs under a service host).
        var notAFile = builder.DataSource is ":memory:" or "" || builder.Mode == SqliteOpenMode.Memory || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        file = null;
        if (!notAFile)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            file = builder.DataSource;
        }
        return builder;
    }

    private static DbContextOptions<T> Configure<T>(DbContextOptionsBuilder<T> builder, ILoggerFactory? loggerFactory)
        where T : DbContext
    {
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }
        // Every query here is a single-table read or a set-based update: nothing is tracked.
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        return builder.Options;
    }

    /// <summary>Hands out the provider's context as the shared <see cref="AuditDbContext"/>.</summary>
    private sealed class Factory<T>(DbContextOptions<T> options) : IDbContextFactory<AuditDbContext>
        where T : AuditDbContext
    {
        private readonly PooledDbContextFactory<T> _pool = new(options);

        public AuditDbContext CreateDbContext() => _pool.CreateDbContext();
    }
}
