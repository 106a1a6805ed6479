using System.Diagnostics;
using System.Globalization;
using System.Text;
using CallSupervisor.Audit.Data;
using CallSupervisor.Audit.Export;
using CallSupervisor.Audit.Maintenance;
using CallSupervisor.Audit.Queries;
using CallSupervisor.Audit.Tests.Infrastructure;
using CallSupervisor.Core.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Xunit.Abstractions;

namespace CallSupervisor.Audit.Tests.Measurements;

/// <summary>
/// Seeds 1,000,000 rows (400 days, 50 supervisors, realistic mixes of actions and outcomes) into SQLite and into
/// PostgreSQL and times the page queries the audit page and export make: first and deep pages, with and without
/// filters, counts, and an export. Run:
/// <c>AUDIT_MEASURE=1 dotnet test tests/CallSupervisor.Audit.Tests -c Release --filter FullyQualifiedName~MillionRows --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MillionRowsMeasurement(PostgresServer server, ITestOutputHelper output)
{
    private const int RowCount = 1_000_000;
    private const int Supervisors = 50;
    private static readonly DateTimeOffset Newest = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = TimeSpan.FromDays(400);

    [MeasurementFact]
    public async Task Sqlite_MillionRows()
    {
        await using var database = TestDatabase.Sqlite();
        var contexts = database.Contexts();
        await AuditMaintenance.MigrateAsync(contexts, CancellationToken.None);
        var seeding = Stopwatch.StartNew();
        await SeedSqliteAsync(database.SqliteFile);
        output.WriteLine($"SQLite: seeded {RowCount:N0} rows in {seeding.Elapsed.TotalSeconds:0.0} s; file {new FileInfo(database.SqliteFile).Length / 1024 / 1024} MiB");
        if (Environment.GetEnvironmentVariable("AUDIT_MEASURE_NO_STATS") != "1")
        {
            // What the retention job does in the background at start and daily.
            var statistics = Stopwatch.StartNew();
            await AuditMaintenance.AnalyzeAsync(contexts, CancellationToken.None);
            output.WriteLine($"SQLite: the retention job's ANALYZE took {statistics.Elapsed.TotalMilliseconds:0} ms");
        }
        await MeasureAsync("SQLite", contexts);
    }

    [MeasurementFact]
    public async Task PostgreSql_MillionRows()
    {
        await using var database = await TestDatabase.PostgreSqlAsync(server);
        var contexts = database.Contexts();
        await AuditMaintenance.MigrateAsync(contexts, CancellationToken.None);
        var seeding = Stopwatch.StartNew();
        await SeedPostgreSqlAsync(database.ConnectionString!);
        output.WriteLine($"PostgreSQL: seeded {RowCount:N0} rows (COPY, then ANALYZE) in {seeding.Elapsed.TotalSeconds:0.0} s");
        await MeasureAsync("PostgreSQL", contexts);
    }

    private async Task MeasureAsync(string provider, IDbContextFactory<AuditDbContext> contexts)
    {
        var queries = new EfAuditQueries(contexts);
        long minSequence, maxSequence;
        await using (var context = await contexts.CreateDbContextAsync())
        {
            minSequence = await context.Entries.MinAsync(e => e.Sequence);
            maxSequence = await context.Entries.MaxAsync(e => e.Sequence);
        }
        // "Deep": the cursor of a page 90 % of the way down (about 900,000 rows older than the first page).
        var deep = minSequence + (maxSequence - minSequence) / 10;
        var cases = new (string Name, AuditFilter Filter)[]
        {
            ("no filter", AuditFilter.None),
            ("supervisor id", new() { Supervisor = "oid-sup-07" }),
            ("supervisor name part", new() { Supervisor = "visor 07" }),
            ("supervisor name, no match", new() { Supervisor = "nobody" }),
            ("action CancelMedia", new() { Action = ActionKind.CancelMedia }),
            ("status Failed", new() { Status = AuditStatus.Failed }),
            ("call id", new() { CallId = "call-123456" }),
            ("last 24 h", new() { From = Newest.AddDays(-1) }),
            ("one day, 300 days ago", new() { From = Newest.AddDays(-300), To = Newest.AddDays(-299) }),
            ("last 365 days", new() { From = Newest.AddDays(-365) }),
            ("Failed mutes in a week", new() { Action = ActionKind.Mute, Status = AuditStatus.Failed, From = Newest.AddDays(-200), To = Newest.AddDays(-193) }),
        };
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{provider}, {RowCount:N0} rows, page of 50 (median of 5 after a warm-up, ms):");
        report.AppendLine("| query | first page | deep page | rows on first page | count(*) |");
        report.AppendLine("|---|---|---|---|---|");
        foreach (var (name, filter) in cases)
        {
            AuditPage? first = null;
            var firstMs = await TimeAsync(async () => first = await queries.ReadPageAsync(filter, new AuditPageRequest(50), CancellationToken.None));
            var deepMs = await TimeAsync(() => queries.ReadPageAsync(filter, new AuditPageRequest(50, Before: deep), CancellationToken.None));
            long count = 0;
            var countMs = await TimeAsync(async () => count = await queries.CountAsync(filter, CancellationToken.None), runs: 3);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {firstMs:0.0} | {deepMs:0.0} | {first!.Rows.Count} | {countMs:0} ({count:N0}) |");
        }
        var exporter = new AuditCsvExporter(queries);
        long exported = 0;
        var export = Stopwatch.StartNew();
        exported = await exporter.WriteAsync(new AuditFilter { Status = AuditStatus.Failed }, Stream.Null, CancellationToken.None);
        report.AppendLine(CultureInfo.InvariantCulture, $"CSV export of every Failed row: {exported:N0} rows in {export.Elapsed.TotalMilliseconds:0} ms");
        export.Restart();
        exported = await exporter.WriteAsync(AuditFilter.None, Stream.Null, CancellationToken.None);
        report.AppendLine(CultureInfo.InvariantCulture, $"CSV export of all rows: {exported:N0} rows in {export.Elapsed.TotalMilliseconds:0} ms");
        output.WriteLine(report.ToString());
    }

    private static async Task<double> TimeAsync(Func<Task> action, int runs = 5)
    {
        await action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>Row <paramref name="i"/> of the seeded trail (row 0 the oldest): deterministic, so both providers get the same data.</summary>
    private static (string Id, DateTime At, string ActorId, string ActorName, string Action, string CallId, string Target, string Description, string Status, string? Detail, string? Code) Seed(int i)
    {
        var at = (Newest - Span + Span * ((double)i / RowCount)).UtcDateTime;
        at = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
        var supervisor = (int)((uint)(i * 2654435761u) % Supervisors);
        var roll = (int)((uint)(i * 40503u + 7) % 100);
        var action = roll < 60 ? "Mute" : roll < 85 ? "CancelInvitation" : "CancelMedia";
        var outcome = (int)((uint)(i * 69069u + 1) % 100);
        var status = outcome < 80 ? "Confirmed" : outcome < 85 ? "Failed" : outcome < 90 ? "Refused" : outcome < 94 ? "LostRace" : outcome < 98 ? "NotConfirmed" : "CallEnded";
        var s = supervisor.ToString("00", CultureInfo.InvariantCulture);
        return ($"supervisor-{action.ToLowerInvariant()}:{i:x8}{Guid.Empty:N}"[..48], at, $"oid-sup-{s}", $"Supervisor {s}", action,
            $"call-{i / 4}", "8:acs:agent-" + (i % 200), $"{action} of Agent {i % 200}", status,
            status == "Failed" ? "403 Forbidden: the participant cannot be muted" : null, status == "Failed" ? "Forbidden" : null);
    }

    private static async Task SeedSqliteAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO audit_entries (id, requested_at, actor_id, actor_name, actor_role, action, call_id, target, description, status, detail, error_code, accepted_at, settled_at, updated_at) " +
            "VALUES ($id, $at, $actor, $name, 'Supervisor', $action, $call, $target, $description, $status, $detail, $code, $at, $at, $at)";
        var parameters = new[] { "$id", "$at", "$actor", "$name", "$action", "$call", "$target", "$description", "$status", "$detail", "$code" }
            .Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        insert.Prepare();
        for (var i = 0; i < RowCount; i++)
        {
            var r = Seed(i);
            object?[] values = [r.Id, r.At.Ticks, r.ActorId, r.ActorName, r.Action, r.CallId, r.Target, r.Description, r.Status, r.Detail, r.Code];
            for (var p = 0; p < values.Length; p++)
            {
                parameters[p].Value = values[p] ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task SeedPostgreSqlAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY audit_entries (id, requested_at, actor_id, actor_name, actor_role, action, call_id, target, description, status, detail, error_code, accepted_at, settled_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < RowCount; i++)
            {
                var r = Seed(i);
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Id, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(r.ActorId, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.ActorName, NpgsqlDbType.Varchar);
                await copy.WriteAsync("Supervisor", NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Action, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.CallId, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Target, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Description, NpgsqlDbType.Text);
                await copy.WriteAsync(r.Status, NpgsqlDbType.Varchar);
                if (r.Detail is null)
                {
                    await copy.WriteNullAsync();
                    await copy.WriteNullAsync();
                }
                else
                {
                    await copy.WriteAsync(r.Detail, NpgsqlDbType.Text);
                    await copy.WriteAsync(r.Code!, NpgsqlDbType.Varchar);
                }
                await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        // Autovacuum would analyse the table soon after such a load; the measurement should not wait for it.
        await using var analyze = new NpgsqlCommand("ANALYZE audit_entries", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
