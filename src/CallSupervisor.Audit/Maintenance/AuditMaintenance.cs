using CallSupervisor.Audit.Data;
using CallSupervisor.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CallSupervisor.Audit.Maintenance;

/// <summary>
/// The audit database's upkeep: migration, the start-up repair and retention. Run by the hosted services of
/// <see cref="AuditServiceCollectionExtensions.AddAuditTrail"/>; public for tools and tests.
/// </summary>
public static class AuditMaintenance
{
    /// <summary>The detail of an action whose outcome was lost with the previous process.</summary>
    public const string UnsettledDetail = "No outcome recorded: the server stopped before one arrived";

    /// <summary>Applies the provider's pending migrations (creating the database's table on first use).</summary>
    public static async Task MigrateAsync(IDbContextFactory<AuditDbContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            if (context.Database.IsNpgsql())
            {
                await MigrateOneAtATimeAsync(context, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            if (context.Database.IsSqlite())
            {
                // Write-ahead logging: pages and exports read while an action is being recorded. Kept in the file.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Several instances starting together on one PostgreSQL each migrate it: without a lock the second one creates a
    /// table the first has just created ("relation already exists") and stops. A session advisory lock, held on the
    /// connection the migration runs on, makes them take turns; the next one finds nothing left to do.
    /// </summary>
    private static async Task MigrateOneAtATimeAsync(AuditDbContext context, CancellationToken cancellationToken)
    {
        // Any fixed number shared by every instance of this app: "CS-AUDIT" in ASCII.
        const long LockKey = 0x43532D4155444954;
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
            try
            {
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Refreshes the query planner's statistics. SQLite gathers none by itself, and without them (or with a sampled
    /// <c>analysis_limit</c> ANALYZE, or <c>PRAGMA optimize</c>, which skips a table never analysed) it reads a combined
    /// filter through a poorer index: measured at a million rows, 69 ms instead of 8 ms for a page. A full ANALYZE of
    /// the table takes about 0.4 s at that size, so the retention job runs it in the background (at start and
    /// daily), never the start-up path. PostgreSQL's autovacuum keeps its statistics by itself.
    /// </summary>
    public static async Task AnalyzeAsync(IDbContextFactory<AuditDbContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            if (context.Database.IsSqlite())
            {
                await context.Database.ExecuteSqlRawAsync("ANALYZE audit_entries;", cancellationToken).ConfigureAwait(false);
                await context.Database.ExecuteSqlRawAsync("ANALYZE call_records;", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Marks actions still <c>Sending</c>/<c>Accepted</c> that were requested before <paramref name="requestedBefore"/>
    /// as <c>NotConfirmed</c> (<see cref="UnsettledDetail"/>). Returns how many.
    /// </summary>
    public static async Task<int> RepairUnsettledAsync(IDbContextFactory<AuditDbContext> contexts, DateTimeOffset requestedBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var before = AuditTime.Utc(requestedBefore);
        var at = AuditTime.Utc(now);
        var sending = nameof(AuditStatus.Sending);
        var accepted = nameof(AuditStatus.Accepted);
        var notConfirmed = nameof(AuditStatus.NotConfirmed);
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Entries
                .Where(e => (e.Status == sending || e.Status == accepted) && e.RequestedAt < before)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Status, notConfirmed)
                    .SetProperty(e => e.Detail, UnsettledDetail)
                    .SetProperty(e => e.SettledAt, at)
                    .SetProperty(e => e.UpdatedAt, at), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes rows requested before <paramref name="requestedBefore"/>, <paramref name="batchSize"/> at a time
    /// (short transactions: recording an action never waits long behind it). Returns how many.
    /// </summary>
    public static async Task<long> DeleteOlderThanAsync(IDbContextFactory<AuditDbContext> contexts, DateTimeOffset requestedBefore, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var before = AuditTime.Utc(requestedBefore);
        long total = 0;
        while (true)
        {
            var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            int deleted;
            await using (context.ConfigureAwait(false))
            {
                deleted = await context.Entries
                    .Where(e => e.RequestedAt < before)
                    .OrderBy(e => e.Sequence)
                    .Take(batchSize)
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// Deletes the call records of calls that arrived before <paramref name="arrivedBefore"/>, with their visits and
    /// offers, <paramref name="batchSize"/> calls per transaction. Returns how many calls.
    /// </summary>
    public static async Task<long> DeleteCallRecordsOlderThanAsync(IDbContextFactory<AuditDbContext> contexts, DateTimeOffset arrivedBefore, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var before = AuditTime.Utc(arrivedBefore);
        long total = 0;
        while (true)
        {
            var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            int deleted;
            await using (context.ConfigureAwait(false))
            {
                var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var ids = await context.CallRecords.Where(r => r.ArrivedAt < before).OrderBy(r => r.ArrivedAt).Take(batchSize)
                        .Select(r => r.CallId).ToListAsync(cancellationToken).ConfigureAwait(false);
                    await context.CallQueueVisits.Where(v => ids.Contains(v.CallId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                    await context.CallOffers.Where(o => ids.Contains(o.CallId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                    deleted = await context.CallRecords.Where(r => ids.Contains(r.CallId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }
}
