using System.Collections.Immutable;
using CallSupervisor.Audit.Maintenance;
using CallSupervisor.Audit.Records;
using CallSupervisor.Audit.Tests.Infrastructure;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Audit.Tests;

/// <summary>
/// What the call records and the targets promise, on each provider (<see cref="SqliteCallRecordStoreTests"/>,
/// <see cref="PostgreSqlCallRecordStoreTests"/>): a call counted once however often and by however many writers it
/// is written, wrap-up set once, ranges read in arrival order, retention, and the schema reaching an older database.
/// </summary>
public abstract class CallRecordStoreContract : IAsyncLifetime
{
    private readonly List<AuditTestHost> _hosts = [];

    protected TestDatabase Database { get; private set; } = null!;

    protected TestClock Clock { get; } = new();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync() => Database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        await Database.DisposeAsync();
    }

    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<AuditTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var host = await AuditTestHost.StartAsync(Database, Clock, settings);
        _hosts.Add(host);
        return host;
    }

    private async Task<EfCallRecordStore> MigratedStoreAsync()
    {
        var contexts = Database.Contexts();
        await AuditMaintenance.MigrateAsync(contexts, None);
        return new EfCallRecordStore(contexts, Clock);
    }

    [Fact]
    public async Task AddAsync_SameRecordTwice_KeepsOneRowWithItsVisitsAndOffers()
    {
        var store = await MigratedStoreAsync();
        var record = Record("call-1", TestClock.Start);

        await store.AddAsync([record], None);
        await store.AddAsync([record with { Talk = TimeSpan.FromMinutes(9) }, record], None);

        await using var context = await Database.Contexts().CreateDbContextAsync();
        Assert.Equal(1, await context.CallRecords.CountAsync());
        Assert.Equal(2, await context.CallQueueVisits.CountAsync());
        Assert.Equal(2, await context.CallOffers.CountAsync());
        var read = Assert.Single(await ReadAllAsync(store));
        // The first record written is the one kept.
        Assert.Equal(TimeSpan.FromSeconds(95), read.Talk);
    }

    [Fact]
    public async Task AddAsync_TwoStoresAtOnce_KeepOneRowPerCall()
    {
        await MigratedStoreAsync();
        // Two instances: their own context factories (pools, connections), the same calls, at the same moment.
        var first = new EfCallRecordStore(Database.Contexts(), Clock);
        var second = new EfCallRecordStore(Database.Contexts(), Clock);
        var records = Enumerable.Range(0, 300).Select(i => Record($"call-{i}", TestClock.Start.AddSeconds(i))).ToList();
        using var go = new ManualResetEventSlim();

        Task Write(EfCallRecordStore store, IEnumerable<CallRecord> calls) => Task.Run(async () =>
        {
            go.Wait();
            foreach (var batch in calls.Chunk(30))
            {
                await store.AddAsync(batch, None);
            }
        });
        var writes = new[] { Write(first, records), Write(second, records), Write(first, Enumerable.Reverse(records)), Write(second, Enumerable.Reverse(records)) };
        go.Set();
        await Task.WhenAll(writes);

        await using var context = await Database.Contexts().CreateDbContextAsync();
        Assert.Equal(300, await context.CallRecords.CountAsync());
        Assert.Equal(600, await context.CallQueueVisits.CountAsync());
        Assert.Equal(600, await context.CallOffers.CountAsync());
    }

    [Fact]
    public async Task AddAsync_ThenReadAsync_GivesTheRecordBack()
    {
        var store = await MigratedStoreAsync();
        var record = Record("call-1", TestClock.Start) with { ArrivedAt = TestClock.Start.AddTicks(7) };

        await store.AddAsync([record], None);

        var read = Assert.Single(await ReadAllAsync(store));
        // Stored to the microsecond (as the audit trail is) and durations to the millisecond.
        Assert.Equal(record with { ArrivedAt = TestClock.Start }, read with { Visits = record.Visits, Offers = record.Offers, Actions = record.Actions });
        Assert.Equal(record.Visits.ToArray(), read.Visits.ToArray());
        Assert.Equal(record.Offers.ToArray(), read.Offers.ToArray());
        Assert.Equal(record.Actions.ToArray(), read.Actions.ToArray());
        Assert.Equal(1, read.MissedOffers);
    }

    [Fact]
    public async Task SetWrapUpAsync_Twice_KeepsTheFirst()
    {
        var store = await MigratedStoreAsync();
        await store.AddAsync([Record("call-1", TestClock.Start), Record("call-2", TestClock.Start.AddMinutes(1))], None);

        await store.SetWrapUpAsync([new WrapUpEnded(new CallId("call-1"), TimeSpan.FromSeconds(30))], None);
        await store.SetWrapUpAsync([new WrapUpEnded(new CallId("call-1"), TimeSpan.FromSeconds(45)), new WrapUpEnded(new CallId("unknown"), TimeSpan.FromSeconds(5))], None);

        var read = await ReadAllAsync(store);
        Assert.Equal(TimeSpan.FromSeconds(30), read[0].WrapUp);
        Assert.Null(read[1].WrapUp);
    }

    [Fact]
    public async Task ReadAsync_ARange_GivesItsCallsOldestFirstAcrossPages()
    {
        var store = await MigratedStoreAsync();
        // More than a page, written out of order, some arriving at the same instant, some outside the range.
        var count = EfCallRecordStore.ReadPageSize + 500;
        var records = Enumerable.Range(0, count).Select(i => Record($"call-{i:D5}", TestClock.Start.AddSeconds(i / 3))).Reverse().ToList();
        records.Add(Record("before", TestClock.Start.AddTicks(-10)));
        records.Add(Record("after", TestClock.Start.AddDays(1)));
        foreach (var batch in records.Chunk(500))
        {
            await store.AddAsync(batch, None);
        }

        var read = await ReadAllAsync(store, TestClock.Start, TestClock.Start.AddDays(1));

        Assert.Equal(count, read.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"call-{i:D5}"), read.Select(r => r.CallId.Value));
    }

    [Fact]
    public async Task Retention_CallRecordsOlderThanTheirSetting_AreDeletedWithTheirRows()
    {
        var store = await MigratedStoreAsync();
        await store.AddAsync([Record("old", TestClock.Start.AddDays(-31)), Record("kept", TestClock.Start.AddDays(-29))], None);

        var host = await StartAsync(new Dictionary<string, string?> { ["Audit:CallRecordRetention"] = "30.00:00:00" });
        await host.Logs.WaitForAsync(m => m.StartsWith("Call record retention: 1 calls", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.Equal(["kept"], (await ReadAllAsync(store, DateTimeOffset.MinValue.AddYears(1), TestClock.Start)).Select(r => r.CallId.Value));
        await using var context = await Database.Contexts().CreateDbContextAsync();
        Assert.Equal(["kept"], await context.CallQueueVisits.Select(v => v.CallId).Distinct().ToListAsync());
        Assert.Equal(["kept"], await context.CallOffers.Select(v => v.CallId).Distinct().ToListAsync());
    }

    [Fact]
    public async Task Start_OnADatabaseOfThePreviousVersion_AddsTheTablesAndKeepsTheAuditRows()
    {
        // The database as the previous version left it: the first migration only, with a row.
        var contexts = Database.Contexts();
        await using (var old = await contexts.CreateDbContextAsync())
        {
            await old.GetService<IMigrator>().MigrateAsync(old.Database.IsSqlite() ? "20261201110055_InitialCreate" : "20261201110059_InitialCreate");
            Assert.Single(await old.Database.GetAppliedMigrationsAsync());
        }
        await Rows.InsertAsync(contexts, [Rows.Record(at: TestClock.Start)], TestClock.Start);

        var host = await StartAsync();

        await using var context = await host.Contexts.CreateDbContextAsync();
        Assert.Equal(2, (await context.Database.GetAppliedMigrationsAsync()).Count());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await context.Entries.CountAsync());
        var store = host.Services.GetRequiredService<ICallRecordStore>();
        await store.AddAsync([Record("call-1", TestClock.Start)], None);
        Assert.Single(await ReadAllAsync(store));
        var indexes = await context.Database.SqlQueryRaw<string>(Database.Provider == AuditProvider.Sqlite
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'call_records'"
            : "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'call_records'").ToListAsync();
        Assert.Contains("ix_call_records_arrived_at", indexes);
    }

    [Fact]
    public async Task Writer_RecordsAndWrapUps_ReachTheDatabaseInOrder()
    {
        var host = await StartAsync();
        var writer = host.Services.GetRequiredService<CallRecordWriter>();

        writer.Add(Record("call-1", TestClock.Start));
        writer.Add(new WrapUpEnded(new CallId("call-1"), TimeSpan.FromSeconds(12)));
        writer.Add(Record("call-1", TestClock.Start));
        await host.StopAsync();

        var read = Assert.Single(await ReadAllAsync(new EfCallRecordStore(Database.Contexts(), Clock)));
        Assert.Equal(TimeSpan.FromSeconds(12), read.WrapUp);
    }

    [Fact]
    public async Task Targets_SavedTwice_LoadTheLastWithTheirDurations()
    {
        await MigratedStoreAsync();
        var store = new EfTargetsStore(Database.Contexts());
        Assert.Null(await store.LoadAsync(None));
        var sales = new QueueTargets { AnswerWithin = TimeSpan.FromSeconds(30), ServiceLevelGoal = 0.9, ShortAbandon = TimeSpan.FromMilliseconds(4500), CallLength = TimeSpan.FromMinutes(20) };
        var targets = new Targets(QueueTargets.Default with { QueueWait = TimeSpan.FromSeconds(90) }, ImmutableDictionary<string, QueueTargets>.Empty.Add("sales", sales));

        await store.SaveAsync(Targets.Standard, "Ana", TestClock.Start, None);
        await store.SaveAsync(targets, "Bo", TestClock.Start.AddMinutes(1), None);

        var loaded = await store.LoadAsync(None);
        Assert.NotNull(loaded);
        Assert.Equal(targets.Default, loaded.Default);
        Assert.Equal(sales, loaded.Queues["sales"]);
        Assert.Single(loaded.Queues);
        await using var context = await Database.Contexts().CreateDbContextAsync();
        var row = Assert.Single(await context.Settings.ToListAsync());
        Assert.Equal(("targets", "Bo", TestClock.Start.AddMinutes(1).UtcDateTime), (row.Key, row.ChangedBy, row.ChangedAt));
    }

    private static async Task<List<CallRecord>> ReadAllAsync(ICallRecordStore store, DateTimeOffset? from = null, DateTimeOffset? until = null)
    {
        var read = new List<CallRecord>();
        await foreach (var record in store.ReadAsync(from ?? TestClock.Start.AddYears(-1), until ?? TestClock.Start.AddYears(1), None))
        {
            read.Add(record);
        }
        return read;
    }

    /// <summary>An answered call: a sales visit that overflowed to support, a missed offer then an accepted one, a mute.</summary>
    internal static CallRecord Record(string callId, DateTimeOffset arrived)
    {
        var queued = arrived.AddSeconds(10);
        return new CallRecord(
            new CallId(callId), CallPlatform.Acs, arrived, arrived.AddMinutes(3), CallOutcome.Answered,
            "support", queued, queued.AddSeconds(50), "agent-2", "Bo Chen",
            TimeSpan.FromSeconds(95), TimeSpan.FromMilliseconds(15_250), null, 1,
            "4:+15550100", "8:acs:transfer", "0/0 Call ended",
            [new QueueVisit("sales", queued, queued.AddSeconds(30), VisitOutcome.Overflowed), new QueueVisit("support", queued.AddSeconds(30), queued.AddSeconds(50), VisitOutcome.Answered)],
            [new OfferAttempt("agent-1", "Ana Lima", queued.AddSeconds(31), queued.AddSeconds(41), OfferOutcome.NotAnswered), new OfferAttempt("agent-2", "Bo Chen", queued.AddSeconds(41), queued.AddSeconds(50), OfferOutcome.Accepted)],
            [new ActionMark(ActionKind.Mute, "Carla Diaz", queued.AddSeconds(70))]);
    }
}

public sealed class SqliteCallRecordStoreTests : CallRecordStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlCallRecordStoreTests(PostgresServer server) : CallRecordStoreContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync(server);
}
