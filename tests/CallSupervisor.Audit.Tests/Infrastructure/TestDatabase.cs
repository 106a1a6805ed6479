using CallSupervisor.Audit.Data;
using Microsoft.EntityFrameworkCore;

namespace CallSupervisor.Audit.Tests.Infrastructure;

/// <summary>
/// An empty audit database of one provider: a SQLite file in a temporary folder (deleted at the end), or a fresh
/// database on the fixture's PostgreSQL server. <see cref="Settings"/> configures the app for it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(AuditProvider provider, string contentRoot, string? connectionString)
    {
        Provider = provider;
        ContentRoot = contentRoot;
        ConnectionString = connectionString;
    }

    public AuditProvider Provider { get; }

    /// <summary>The app's content root: the SQLite file is <c>data/audit.db</c> under it.</summary>
    public string ContentRoot { get; }

    public string? ConnectionString { get; }

    public string SqliteFile => Path.Combine(ContentRoot, "data", "audit.db");

    public static TestDatabase Sqlite()
    {
        var root = Path.Combine(Path.GetTempPath(), "cs-audit-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return new TestDatabase(AuditProvider.Sqlite, root, null);
    }

    public static async Task<TestDatabase> PostgreSqlAsync(PostgresServer server)
    {
        var root = Path.Combine(Path.GetTempPath(), "cs-audit-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return new TestDatabase(AuditProvider.PostgreSql, root, await server.CreateDatabaseAsync());
    }

    /// <summary>The configuration the app would have (the SQLite path is left at its default).</summary>
    public Dictionary<string, string?> Settings => Provider == AuditProvider.Sqlite
        ? new() { ["Audit:Provider"] = "Sqlite" }
        : new() { ["Audit:Provider"] = "PostgreSql", ["ConnectionStrings:Audit"] = ConnectionString };

    public AuditOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    /// <summary>A context factory as the app builds it, for arranging rows and reading them back directly.</summary>
    public IDbContextFactory<AuditDbContext> Contexts() => AuditStorage.CreateFactory(Options, ContentRoot);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Task.Yield();
        if (Directory.Exists(ContentRoot))
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
    }
}
