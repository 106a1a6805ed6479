using System.Diagnostics;
using CallSupervisor.Audit;
using CallSupervisor.Audit.Data;
using CallSupervisor.Audit.Export;
using CallSupervisor.Audit.Maintenance;
using CallSupervisor.Audit.Records;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// <c>--reports [--pg &lt;connection string&gt;]</c>: a day of 100,000 call records (with their visits and offers) written
/// to SQLite (a temporary file) and, given a connection string to an empty database, PostgreSQL; then the day's
/// <c>calls.csv</c> and <c>intervals.csv</c> timed end to end (read + tally + CSV to a null stream), beside two
/// baselines on the same rows in the same run: a bare <c>count(*)</c> of the day, and the store's read of the day
/// alone (rows to records, no CSV). Median of 3 rounds after a warm-up round.
/// </summary>
internal static class ReportsRun
{
    private const int Calls = 100_000;
    private const int Rounds = 3;
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        Console.WriteLine($"Reports: .NET {Environment.Version}, {Environment.ProcessorCount} logical CPUs, {Calls:N0} calls in one day");
        var folder = Path.Combine(Path.GetTempPath(), "cs-reports-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await MeasureAsync("SQLite", new AuditOptions { Provider = AuditProvider.Sqlite, SqlitePath = Path.Combine(folder, "audit.db") }, folder);
            var pg = Array.IndexOf(args, "--pg");
            if (pg >= 0 && pg + 1 < args.Length)
            {
                await MeasureAsync("PostgreSQL", new AuditOptions { Provider = AuditProvider.PostgreSql, ConnectionString = args[pg + 1] }, folder);
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, AuditOptions options, string folder)
    {
        var contexts = AuditStorage.CreateFactory(options, folder);
        await AuditMaintenance.MigrateAsync(contexts, CancellationToken.None);
        var store = EfCallRecordStore.Create(contexts);
        var watch = Stopwatch.StartNew();
        foreach (var batch in Records().Chunk(1_000))
        {
            await store.AddAsync(batch, CancellationToken.None);
        }
        Console.WriteLine($"{name}: wrote {Calls:N0} calls in {watch.Elapsed.TotalSeconds:0.0} s");
        await AuditMaintenance.AnalyzeAsync(contexts, CancellationToken.None);
        var exporter = new ReportCsvExporter(store);
        var until = Day.AddDays(1);
        var start = AuditTimeUtc(Day);
        var end = AuditTimeUtc(until);

        await Time(name, "count(*) of the day (baseline)", async () =>
        {
            await using var context = await contexts.CreateDbContextAsync();
            return await context.CallRecords.CountAsync(r => r.ArrivedAt >= start && r.ArrivedAt < end);
        });
        await Time(name, "read of the day, no CSV (baseline)", async () =>
        {
            var count = 0;
            await foreach (var _ in store.ReadAsync(Day, until, CancellationToken.None))
            {
                count++;
            }
            return count;
        });
        await Time(name, "calls.csv", async () => (int)await exporter.WriteCallsAsync(Day, until, TimeZoneInfo.Utc, Stream.Null, CancellationToken.None));
        await Time(name, "intervals.csv", async () => (int)await exporter.WriteIntervalsAsync(Day, until, Targets.Standard, TimeZoneInfo.Utc, Stream.Null, CancellationToken.None));
    }

    private static DateTime AuditTimeUtc(DateTimeOffset at) => at.UtcDateTime;

    private static async Task Time(string provider, string what, Func<Task<int>> run)
    {
        var rows = await run();
        var times = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{provider}: {what}: median {times[Rounds / 2]:N0} ms ({string.Join(" / ", times.Select(t => t.ToString("N0")))}), {rows:N0} rows");
    }

    /// <summary>
    /// A day of calls over three queues, one every 0.864 s: 85 % answered (a fifth after a missed offer, a tenth moved
    /// to a second queue first, a twentieth with a supervisor's action), 12 % abandoned, 3 % ended in the menu.
    /// </summary>
    private static IEnumerable<CallRecord> Records()
    {
        string[] queues = ["sales", "support", "billing"];
        var random = new Random(20261201);
        for (var i = 0; i < Calls; i++)
        {
            var arrived = Day.AddTicks(i * (TimeSpan.TicksPerDay / Calls));
            var queued = arrived.AddSeconds(15);
            var queue = queues[i % queues.Length];
            var roll = random.NextDouble();
            var wait = TimeSpan.FromSeconds(random.Next(1, 90));
            if (roll < 0.03)
            {
                yield return Record(i, arrived, arrived.AddSeconds(20), CallOutcome.EndedInMenu, null, null, null, [], [], []);
                continue;
            }
            if (roll < 0.15)
            {
                yield return Record(i, arrived, queued + wait, CallOutcome.Abandoned, queue, queued, null,
                    [new QueueVisit(queue, queued, queued + wait, VisitOutcome.Abandoned)], [], []);
                continue;
            }
            var visits = new List<QueueVisit>();
            var from = queued;
            if (i % 10 == 0)
            {
                visits.Add(new QueueVisit("billing", from, from.AddSeconds(30), VisitOutcome.Overflowed));
                from = from.AddSeconds(30);
            }
            var answered = from + wait;
            visits.Add(new QueueVisit(queue, from, answered, VisitOutcome.Answered));
            var offers = new List<OfferAttempt>();
            if (i % 5 == 0)
            {
                offers.Add(new OfferAttempt($"agent-{(i + 7) % 60}", "Ben Okafor", answered.AddSeconds(-20), answered.AddSeconds(-10), OfferOutcome.NotAnswered));
            }
            offers.Add(new OfferAttempt($"agent-{i % 60}", "Ana Lima", answered.AddSeconds(-8), answered, OfferOutcome.Accepted));
            ActionMark[] actions = i % 20 == 0 ? [new ActionMark(ActionKind.Mute, "Sam Supervisor", answered.AddSeconds(40))] : [];
            var ended = answered.AddSeconds(random.Next(60, 600));
            yield return Record(i, arrived, ended, CallOutcome.Answered, queue, queued, answered, [.. visits], [.. offers], actions) with
            {
                AgentId = $"agent-{i % 60}",
                AgentName = "Ana Lima",
                Talk = ended - answered - TimeSpan.FromSeconds(10),
                Hold = TimeSpan.FromSeconds(10),
                WrapUp = TimeSpan.FromSeconds(random.Next(5, 60)),
            };
        }
    }

    private static CallRecord Record(int i, DateTimeOffset arrived, DateTimeOffset ended, CallOutcome outcome, string? queue, DateTimeOffset? queued, DateTimeOffset? answered,
        QueueVisit[] visits, OfferAttempt[] offers, ActionMark[] actions) => new(
        new CallId($"call-{i:D6}-{Guid.NewGuid():N}"), CallPlatform.Acs, arrived, ended, outcome, queue, queued, answered, null, null,
        TimeSpan.Zero, TimeSpan.Zero, null, 0, $"4:+1425555{i % 10_000:D4}", null, "0/0 Call ended", [.. visits], [.. offers], [.. actions]);
}
