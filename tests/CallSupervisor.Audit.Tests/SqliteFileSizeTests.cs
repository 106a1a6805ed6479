using CallSupervisor.Audit.Tests.Infrastructure;
using CallSupervisor.Core.Audit;
using Xunit.Abstractions;

namespace CallSupervisor.Audit.Tests;

/// <summary>
/// The SQLite audit file's write-ahead log stays small while the app runs: it is checkpointed back into the database
/// as rows are written, so the disk holds the rows, not every page ever written.
/// </summary>
public sealed class SqliteFileSizeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Write_ThousandsOfActionsWhilePagesAreRead_WalStaysUnderAFewMegabytes()
    {
        await using var host = await AuditTestHost.StartAsync(_database, new TestClock());
        var wal = _database.SqliteFile + "-wal";
        long largest = 0;
        for (var i = 0; i < 3_000; i++)
        {
            // As the app does: the row before the request, ACS's answer and the settlement queued after it.
            var record = Rows.Record(at: TestClock.Start.AddSeconds(i), callId: $"call-{i % 40}");
            await host.Trail.RecordAsync(record, CancellationToken.None);
            host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Accepted, record.RequestedAt.AddMilliseconds(200)));
            host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Confirmed, record.RequestedAt.AddSeconds(1)));
            if (i % 100 == 0)
            {
                // Someone has the audit page open.
                await host.Queries.ReadPageAsync(Queries.AuditFilter.None, new Queries.AuditPageRequest(), CancellationToken.None);
            }
            if (i % 50 == 0)
            {
                largest = Math.Max(largest, File.Exists(wal) ? new FileInfo(wal).Length : 0);
            }
        }
        await host.WaitForWritesAsync();
        largest = Math.Max(largest, new FileInfo(wal).Length);
        var database = new FileInfo(_database.SqliteFile).Length;
        output.WriteLine($"3,000 actions: audit.db {database / 1024} KB, largest audit.db-wal {largest / 1024} KB");
        foreach (var line in host.Logs.Entries.Where(e => e.Message.Contains("checkpoint", StringComparison.OrdinalIgnoreCase) && e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning))
        {
            output.WriteLine(line.Message);
        }

        // Bounded, not small: checkpoints wait for readers' snapshots, and on a loaded two-core machine readers are slow
        // (7.3 MB seen with two suites at once). Without the checkpoints every write of the 3,000 actions stays in the
        // WAL: tens of megabytes.
        Assert.True(largest < 12 * 1024 * 1024, $"The WAL grew to {largest / 1024} KB.");
        // The rows are in the database file itself, not only in the log.
        Assert.True(database > 512 * 1024, $"audit.db is {database / 1024} KB: the rows were never checkpointed into it.");
    }
}
