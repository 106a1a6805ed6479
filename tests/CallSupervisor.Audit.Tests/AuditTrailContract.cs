using System.Text;
using CallSupervisor.Audit.Data;
using CallSupervisor.Audit.Maintenance;
using CallSupervisor.Audit.Queries;
using CallSupervisor.Audit.Tests.Infrastructure;
using CallSupervisor.Audit.Writing;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Tests.Actions;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Core.Tests;
using CallSupervisor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Audit.Tests;

/// <summary>
/// What the audit trail promises, checked on each provider (<see cref="SqliteAuditTrailTests"/>,
/// <see cref="PostgreSqlAuditTrailTests"/>) through the services the app registers.
/// </summary>
public abstract class AuditTrailContract : IAsyncLifetime
{
    private readonly List<AuditTestHost> _hosts = [];

    protected TestDatabase Database { get; private set; } = null!;

    protected TestClock Clock { get; } = new();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Options whose database refuses every write (or cannot be reached).</summary>
    protected abstract Task<AuditOptions> UnwritableAsync();

    public async Task InitializeAsync() => Database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        await Database.DisposeAsync();
    }

    protected async Task<AuditTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var host = await AuditTestHost.StartAsync(Database, Clock, settings);
        _hosts.Add(host);
        return host;
    }

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Start_OnAnEmptyDatabase_AppliesTheMigrationAndCreatesTheIndexes()
    {
        var host = await StartAsync();

        await using var context = await host.Contexts.CreateDbContextAsync();
        Assert.Equal(2, (await context.Database.GetAppliedMigrationsAsync()).Count());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        var indexes = await context.Database.SqlQueryRaw<string>(Database.Provider == AuditProvider.Sqlite
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_entries'"
            : "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'audit_entries'").ToListAsync();
        foreach (var name in new[] { "ix_audit_entries_requested_at", "ix_audit_entries_actor_id", "ix_audit_entries_action", "ix_audit_entries_status", "ix_audit_entries_call_id" })
        {
            Assert.Contains(name, indexes);
        }
        // A second start finds nothing to do.
        await host.StopAsync();
        var again = await StartAsync();
        await using var second = await again.Contexts.CreateDbContextAsync();
        Assert.Equal(2, (await second.Database.GetAppliedMigrationsAsync()).Count());
    }

    [Fact]
    public async Task Record_ThenAcceptedThenConfirmed_KeepsEachFactWithItsTime()
    {
        var host = await StartAsync();
        var record = Rows.Record(at: Clock.GetUtcNow());

        await host.Trail.RecordAsync(record, None);
        var sending = await Rows.FindAsync(host.Contexts, record.AuditId);
        host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Accepted, Clock.GetUtcNow().AddMilliseconds(120)));
        host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Confirmed, Clock.GetUtcNow().AddMilliseconds(900), "Muted"));
        await host.WaitForWritesAsync();

        Assert.Equal("Sending", sending?.Status);
        var row = await Rows.FindAsync(host.Contexts, record.AuditId);
        Assert.NotNull(row);
        Assert.Equal("Confirmed", row.Status);
        Assert.Equal("Muted", row.Detail);
        Assert.Equal(Clock.GetUtcNow().AddMilliseconds(120).UtcDateTime, row.AcceptedAt);
        Assert.Equal(Clock.GetUtcNow().AddMilliseconds(900).UtcDateTime, row.SettledAt);
        Assert.Equal(DateTimeKind.Utc, row.RequestedAt.Kind);
        Assert.Equal(record.RequestedAt.UtcDateTime, row.RequestedAt);
        Assert.Equal(("oid-ana-lima", "Ana Lima", "Supervisor", "Mute", "call-1", "8:acs:agent"), (row.ActorId, row.ActorName, row.ActorRole, row.Action, row.CallId, row.Target));
    }

    [Fact]
    public async Task Update_AcceptedArrivingAfterConfirmed_KeepsConfirmedAndStillRecordsTheAcceptance()
    {
        var host = await StartAsync();
        var record = Rows.Record();
        await host.Trail.RecordAsync(record, None);

        host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Confirmed, Clock.GetUtcNow().AddSeconds(1)));
        host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Accepted, Clock.GetUtcNow().AddSeconds(2)));
        await host.WaitForWritesAsync();

        var row = await Rows.FindAsync(host.Contexts, record.AuditId);
        Assert.Equal("Confirmed", row?.Status);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(1).UtcDateTime, row?.SettledAt);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(2).UtcDateTime, row?.AcceptedAt);
    }

    [Fact]
    public async Task Update_ASecondFinalStatus_NeverOverwritesTheFirst()
    {
        var host = await StartAsync();
        var record = Rows.Record();
        await host.Trail.RecordAsync(record, None);

        // The executor records ACS's refusal with its code; the store's settlement of it follows with text only.
        host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Failed, Clock.GetUtcNow(), "403 Forbidden: cannot mute", "Forbidden"));
        host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Failed, Clock.GetUtcNow().AddSeconds(1), "Mute failed"));
        host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Confirmed, Clock.GetUtcNow().AddSeconds(2), "Muted"));
        await host.WaitForWritesAsync();

        var row = await Rows.FindAsync(host.Contexts, record.AuditId);
        Assert.Equal(("Failed", "403 Forbidden: cannot mute", "Forbidden"), (row?.Status, row?.Detail, row?.ErrorCode));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, row?.SettledAt);
    }

    [Fact]
    public async Task Record_Refused_IsSettledWhenRequestedAndStaysRefused()
    {
        var host = await StartAsync();
        var record = Rows.Record(status: AuditStatus.Refused, detail: "Your role (Observer) may watch calls but not act on them");

        await host.Trail.RecordAsync(record, None);
        host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Failed, Clock.GetUtcNow().AddSeconds(1), "late"));
        await host.WaitForWritesAsync();

        var row = await Rows.FindAsync(host.Contexts, record.AuditId);
        Assert.Equal(("Refused", record.Detail), (row?.Status, row?.Detail));
        Assert.Equal(record.RequestedAt.UtcDateTime, row?.SettledAt);
    }

    [Fact]
    public async Task Update_QueuedBeforeItsRowIsCommitted_IsAppliedOnARetry()
    {
        var host = await StartAsync();
        var record = Rows.Record();

        host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Confirmed, Clock.GetUtcNow()));
        // Tried before its row exists (and kept for a retry).
        await host.Logs.WaitForAsync(m => m == "Wrote 1 audit updates (1 for rows not found)", TimeSpan.FromSeconds(20));
        await host.Trail.RecordAsync(record, None);
        await host.WaitForWritesAsync();

        Assert.Equal("Confirmed", (await Rows.FindAsync(host.Contexts, record.AuditId))?.Status);
    }

    [Fact]
    public async Task Update_ForAnActionNeverRecorded_IsTriedAFewTimesThenLogged()
    {
        var host = await StartAsync();

        host.Trail.Update(new AuditUpdate("supervisor-mute:never-recorded", AuditStatus.Failed, Clock.GetUtcNow(), "audit unavailable"));
        await host.WaitForWritesAsync();

        var warning = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("supervisor-mute:never-recorded", warning.Message);
        Assert.Contains($"after {AuditTestHost.FastWriter.UnknownAttempts} attempts", warning.Message);
        Assert.Empty(await Rows.AllAsync(host.Contexts));
    }

    [Fact]
    public async Task Restart_KeepsEveryRow_AndWritesTheUpdatesStillQueuedAtStop()
    {
        var host = await StartAsync();
        var records = Enumerable.Range(0, 40).Select(i => Rows.Record(at: Clock.GetUtcNow().AddSeconds(i))).ToList();
        foreach (var record in records)
        {
            await host.Trail.RecordAsync(record, None);
        }
        foreach (var record in records)
        {
            host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Accepted, Clock.GetUtcNow().AddMinutes(1)));
            host.Trail.Update(new AuditUpdate(record.AuditId, AuditStatus.Confirmed, Clock.GetUtcNow().AddMinutes(2)));
        }

        // Stopped at once: the writer drains its queue before the host has stopped.
        await host.StopAsync();
        var restarted = await StartAsync();

        var rows = await Rows.AllAsync(restarted.Contexts);
        Assert.Equal(records.Select(r => r.AuditId).Order(), rows.Select(r => r.Id).Order());
        Assert.All(rows, r => Assert.Equal("Confirmed", r.Status));
        Assert.All(rows, r => Assert.NotNull(r.AcceptedAt));
        Assert.Equal(0, restarted.EfTrail.DroppedUpdates);
    }

    [Fact]
    public async Task Start_MarksActionsLeftUnsettledBeforeTheCutoffNotConfirmed_AndLeavesTheRest()
    {
        var contexts = Database.Contexts();
        await AuditMaintenance.MigrateAsync(contexts, None);
        var now = Clock.GetUtcNow();
        var oldSending = Rows.Record(at: now.AddMinutes(-10));
        var oldAccepted = Rows.Record(at: now.AddMinutes(-3));
        var recentSending = Rows.Record(at: now.AddSeconds(-30));
        var oldConfirmed = Rows.Record(at: now.AddMinutes(-10));
        await Rows.InsertAsync(contexts, [oldSending, oldAccepted, recentSending, oldConfirmed], now);
        var applier = new AuditUpdateApplier(contexts, Clock);
        await applier.ApplyAsync([new(new AuditUpdate(oldAccepted.AuditId, AuditStatus.Accepted, now.AddMinutes(-3))),
            new(new AuditUpdate(oldConfirmed.AuditId, AuditStatus.Confirmed, now.AddMinutes(-9)))], None);
        Clock.Advance(TimeSpan.FromSeconds(5));

        var host = await StartAsync(new Dictionary<string, string?> { ["Audit:UnsettledAfter"] = "00:02:00" });

        var rows = (await Rows.AllAsync(host.Contexts)).ToDictionary(r => r.Id);
        Assert.Equal(("NotConfirmed", AuditMaintenance.UnsettledDetail), (rows[oldSending.AuditId].Status, rows[oldSending.AuditId].Detail));
        Assert.Equal("NotConfirmed", rows[oldAccepted.AuditId].Status);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, rows[oldAccepted.AuditId].SettledAt);
        Assert.NotNull(rows[oldAccepted.AuditId].AcceptedAt);
        Assert.Equal("Sending", rows[recentSending.AuditId].Status);
        Assert.Equal("Confirmed", rows[oldConfirmed.AuditId].Status);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("2 actions left unsettled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_DeletesRowsOlderThanTheRetention_AndOnlyThose()
    {
        var contexts = Database.Contexts();
        await AuditMaintenance.MigrateAsync(contexts, None);
        var now = Clock.GetUtcNow();
        var ages = new[] { 45, 31, 30.5, 29.9, 10, 0 };
        var records = ages.Select(days => Rows.Record(at: now.AddDays(-days), status: AuditStatus.Refused)).ToList();
        await Rows.InsertAsync(contexts, records, now);

        var host = await StartAsync(new Dictionary<string, string?> { ["Audit:Retention"] = "30.00:00:00" });
        await host.Logs.WaitForAsync(m => m.StartsWith("Audit retention: 3 rows requested before", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        var kept = (await Rows.AllAsync(host.Contexts)).Select(r => r.Id).ToHashSet();
        Assert.Equal(records.Where((_, i) => ages[i] < 30).Select(r => r.AuditId).ToHashSet(), kept);
    }

    [Fact]
    public async Task DeleteOlderThan_ManyRows_DeletesThemInBatches()
    {
        var contexts = Database.Contexts();
        await AuditMaintenance.MigrateAsync(contexts, None);
        var now = Clock.GetUtcNow();
        await Rows.InsertAsync(contexts, Enumerable.Range(0, 50).Select(i => Rows.Record(at: now.AddDays(-100).AddMinutes(i), status: AuditStatus.Refused)), now);
        await Rows.InsertAsync(contexts, Enumerable.Range(0, 5).Select(i => Rows.Record(at: now.AddMinutes(-i), status: AuditStatus.Refused)), now);

        var deleted = await AuditMaintenance.DeleteOlderThanAsync(contexts, now.AddDays(-1), batchSize: 7, None);

        Assert.Equal(50, deleted);
        Assert.Equal(5, (await Rows.AllAsync(contexts)).Count);
    }

    [Fact]
    public async Task Pages_UnderEveryFilter_ListEachMatchOnceNewestFirst_OlderAndNewer()
    {
        var host = await StartAsync();
        await SeedVariedAsync(host.Contexts, 260);
        var all = (await Rows.AllAsync(host.Contexts)).OrderByDescending(r => r.Sequence).ToList();
        var middle = TestClock.Start.AddMinutes(-200);
        var filters = new (AuditFilter Filter, Func<AuditEntry, bool> Matches)[]
        {
            (AuditFilter.None, _ => true),
            (new() { Supervisor = "oid-bo-chen" }, e => e.ActorId == "oid-bo-chen"),
            (new() { Action = ActionKind.CancelMedia }, e => e.Action == "CancelMedia"),
            (new() { Status = AuditStatus.Failed }, e => e.Status == "Failed"),
            (new() { CallId = "call-3" }, e => e.CallId == "call-3"),
            (new() { From = middle }, e => e.RequestedAt >= middle.UtcDateTime),
            (new() { To = middle }, e => e.RequestedAt < middle.UtcDateTime),
            (new() { Supervisor = "ana", Action = ActionKind.Mute, Status = AuditStatus.Confirmed, From = middle.AddMinutes(-40), To = middle.AddMinutes(80) },
                e => e.ActorName == "Ana Lima" && e.Action == "Mute" && e.Status == "Confirmed" && e.RequestedAt >= middle.AddMinutes(-40).UtcDateTime && e.RequestedAt < middle.AddMinutes(80).UtcDateTime),
            (new() { CallId = "no-such-call" }, _ => false),
        };
        foreach (var (filter, matches) in filters)
        {
            var expected = all.Where(matches).Select(e => e.Sequence).ToList();
            Assert.True(filter == filters[^1].Filter || expected.Count > 0, $"no rows for {filter}");

            // Older, page by page from the newest.
            var seen = new List<long>();
            var pages = new List<AuditPage>();
            var page = await host.Queries.ReadPageAsync(filter, new AuditPageRequest(17), None);
            Assert.Null(page.NewerAfter);
            while (true)
            {
                pages.Add(page);
                seen.AddRange(page.Rows.Select(r => r.Sequence));
                if (page.OlderBefore is not { } before)
                {
                    break;
                }
                Assert.Equal(17, page.Rows.Count);
                page = await host.Queries.ReadPageAsync(filter, new AuditPageRequest(17, Before: before), None);
                Assert.Equal(page.Rows[0].Sequence, page.NewerAfter);
            }
            Assert.Equal(expected, seen);
            Assert.Equal(await host.Queries.CountAsync(filter, None), expected.Count);

            // Newer, back up from the oldest page: each page continues the one below it without a gap.
            var current = pages[^1];
            while (current.NewerAfter is { } after)
            {
                var newer = await host.Queries.ReadPageAsync(filter, new AuditPageRequest(17, After: after), None);
                var ids = newer.Rows.Select(r => r.Sequence).ToList();
                var start = expected.IndexOf(ids[0]);
                Assert.Equal(expected.Skip(start).Take(ids.Count), ids);
                Assert.True(expected.IndexOf(ids[^1]) >= expected.IndexOf(current.Rows[0].Sequence) - 1, "a row was skipped going newer");
                current = newer;
            }
            if (expected.Count > 0)
            {
                Assert.Equal(pages[0].Rows.Select(r => r.Sequence), current.Rows.Select(r => r.Sequence));
            }
        }
    }

    [Fact]
    public async Task Filter_TimeRange_IncludesFromExcludesTo_ToTheMicrosecond()
    {
        var host = await StartAsync();
        var t = new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero).AddTicks(1_234_560);
        // Another offset on purpose: stored and compared as UTC.
        var records = new[] { t.AddTicks(-10), t, t.AddTicks(10), t.AddHours(1).AddTicks(-10), t.AddHours(1) }
            .Select(at => Rows.Record(at: at.ToOffset(TimeSpan.FromHours(2)))).ToList();
        foreach (var record in records)
        {
            await host.Trail.RecordAsync(record, None);
        }

        var page = await host.Queries.ReadPageAsync(new AuditFilter { From = t, To = t.AddHours(1) }, new AuditPageRequest(), None);

        Assert.Equal(records.Skip(1).Take(3).Select(r => r.AuditId).Reverse(), page.Rows.Select(r => r.AuditId));
        Assert.Equal(t.AddTicks(10), page.Rows[1].RequestedAt);
        Assert.Equal(TimeSpan.Zero, page.Rows[1].RequestedAt.Offset);
    }

    [Fact]
    public async Task Filter_Supervisor_MatchesTheExactIdOrPartOfTheNameInAnyCase()
    {
        var host = await StartAsync();
        foreach (var actor in new[] { "Ana Lima", "Bo Chen", "Anabel Ruiz", "José Álvarez" })
        {
            await host.Trail.RecordAsync(Rows.Record(actor: actor), None);
        }

        async Task<string[]> Names(string supervisor) =>
            [.. (await host.Queries.ReadPageAsync(new AuditFilter { Supervisor = supervisor }, new AuditPageRequest(), None)).Rows.Select(r => r.ActorName).Order()];

        Assert.Equal(["Ana Lima", "Anabel Ruiz"], await Names("ANA"));
        Assert.Equal(["Bo Chen"], await Names("oid-bo-chen"));
        Assert.Equal(["José Álvarez"], await Names("josé"));
        Assert.Equal(["Ana Lima", "Anabel Ruiz", "Bo Chen", "José Álvarez"], await Names("  "));
        Assert.Empty(await Names("%"));
    }

    [Fact]
    public async Task Export_StreamsEveryMatchingRowNewestFirstAcrossPages()
    {
        var host = await StartAsync();
        var now = Clock.GetUtcNow();
        await Rows.InsertAsync(host.Contexts, Enumerable.Range(0, EfAuditQueries.ExportPageSize * 2 + 10)
            .Select(i => Rows.Record(at: now.AddSeconds(i), action: i % 2 == 0 ? ActionKind.Mute : ActionKind.CancelInvitation)), now);
        var expected = (await Rows.AllAsync(host.Contexts)).Where(r => r.Action == "Mute").OrderByDescending(r => r.Sequence).Select(r => r.Id).ToList();

        using var output = new MemoryStream();
        var written = await host.Exporter.WriteAsync(new AuditFilter { Action = ActionKind.Mute }, output, None);

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith("\uFEFFsequence,audit_id,requested_at,", text);
        var lines = text.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("", lines[^1]);
        Assert.Equal(expected.Count, written);
        Assert.Equal(expected, lines.Skip(1).SkipLast(1).Select(l => l.Split(',')[1]));
        Assert.Matches(@"^\d+,supervisor-mute:[0-9a-f]{32},\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z,oid-ana-lima,Ana Lima,Supervisor,Mute,call-1,", lines[1]);
    }

    [Fact]
    public async Task Executor_MuteConfirmedByACallback_EndsConfirmedInTheDatabase()
    {
        var host = await StartAsync();
        var time = new ManualTimeProvider(Clock.GetUtcNow());
        var events = new TestEvents();
        var store = StoreTestKit.NewStore(time, outcomes: new AuditOutcomeObserver(host.Trail)).WithConnectedCall(events);
        var acs = new FakeCallAutomationPort();
        var executor = new ActionExecutor(store, new StoreApplier(store), new ActionPorts(acs, new FakeGraphCallsPort()), time, host.Trail);

        var outcome = await executor.ExecuteAsync(ActionRequest.Mute(TestEvents.Call1, TestEvents.Agent.RawId, StoreTestKit.As("alice")), None);
        store.Apply(events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));
        await host.WaitForWritesAsync();

        Assert.Single(acs.Requests);
        var row = await Rows.FindAsync(host.Contexts, outcome.OperationContext!);
        Assert.Equal(("Confirmed", "oid-alice", "alice", "Supervisor", "Mute"), (row?.Status, row?.ActorId, row?.ActorName, row?.ActorRole, row?.Action));
        Assert.NotNull(row?.AcceptedAt);
        Assert.NotNull(row?.SettledAt);
    }

    [Fact]
    public async Task RecordAsync_WhenTheDatabaseRefusesTheWrite_Throws_AndTheExecutorSendsNothing()
    {
        var contexts = AuditStorage.CreateFactory(await UnwritableAsync(), Database.ContentRoot);
        var trail = new EfAuditTrail(contexts, new AuditUpdateQueue(1_000), Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<EfAuditTrail>.Instance);

        await Assert.ThrowsAnyAsync<Exception>(() => trail.RecordAsync(Rows.Record(), None));

        var time = new ManualTimeProvider(Clock.GetUtcNow());
        var events = new TestEvents();
        var store = StoreTestKit.NewStore(time, outcomes: new AuditOutcomeObserver(trail)).WithConnectedCall(events);
        var acs = new FakeCallAutomationPort();
        var executor = new ActionExecutor(store, new StoreApplier(store), new ActionPorts(acs, new FakeGraphCallsPort()), time, trail);
        var outcome = await executor.ExecuteAsync(ActionRequest.Mute(TestEvents.Call1, TestEvents.Agent.RawId, StoreTestKit.As("alice")), None);

        Assert.Equal(ReceiptStatus.Failed, outcome.Status);
        Assert.Contains("audit trail is unavailable", outcome.Message);
        Assert.Empty(acs.Requests);
        Assert.Null(store.Current.Find(TestEvents.Call1)?.PendingFor(ActionKind.Mute, TestEvents.Agent.RawId));
    }

    [Fact]
    public async Task Executor_ObserverRefusedWhileTheDatabaseRefusesTheWrite_StillAReadableRefusal()
    {
        var contexts = AuditStorage.CreateFactory(await UnwritableAsync(), Database.ContentRoot);
        var trail = new EfAuditTrail(contexts, new AuditUpdateQueue(1_000), Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<EfAuditTrail>.Instance);
        var time = new ManualTimeProvider(Clock.GetUtcNow());
        var events = new TestEvents();
        var store = StoreTestKit.NewStore(time, outcomes: new AuditOutcomeObserver(trail)).WithConnectedCall(events);
        var acs = new FakeCallAutomationPort();
        var executor = new ActionExecutor(store, new StoreApplier(store), new ActionPorts(acs, new FakeGraphCallsPort()), time, trail);

        var outcome = await executor.ExecuteAsync(ActionRequest.Mute(TestEvents.Call1, TestEvents.Agent.RawId, StoreTestKit.As("olivia", SupervisorRoles.Observer)), None);

        Assert.Equal(ActionReceipt.Forbidden("Your role (Observer) may watch calls but not act on them"), outcome);
        Assert.Equal(1, executor.UnauditedRefusals);
        Assert.Empty(acs.Requests);
    }

    /// <summary>Rows of three supervisors, every action, several statuses and calls, a minute apart (a few out of order).</summary>
    private static async Task SeedVariedAsync(IDbContextFactory<AuditDbContext> contexts, int count)
    {
        string[] actors = ["Ana Lima", "Bo Chen", "Carla Diaz"];
        AuditStatus[] statuses = [AuditStatus.Confirmed, AuditStatus.Failed, AuditStatus.Refused, AuditStatus.LostRace, AuditStatus.NotConfirmed, AuditStatus.CallEnded];
        var actions = Enum.GetValues<ActionKind>();
        var records = Enumerable.Range(0, count).Select(i => Rows.Record(
            at: TestClock.Start.AddMinutes(-count + i + (i % 11 == 0 ? 3 : 0)),
            actor: actors[i % actors.Length],
            action: actions[i / 2 % actions.Length],
            callId: $"call-{i % 5}",
            status: statuses[i * 7 % statuses.Length]));
        await Rows.InsertAsync(contexts, records, TestClock.Start);
    }
}

public sealed class SqliteAuditTrailTests : AuditTrailContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    // A migrated file opened read-only: every insert is refused, as on a full or read-only disk.
    protected override async Task<AuditOptions> UnwritableAsync()
    {
        await AuditMaintenance.MigrateAsync(Database.Contexts(), CancellationToken.None);
        return new AuditOptions { ConnectionString = $"Data Source={Database.SqliteFile};Mode=ReadOnly" };
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlAuditTrailTests(PostgresServer server) : AuditTrailContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync(server);

    // Several instances share one PostgreSQL (an embedded SQLite file belongs to one instance).
    [Fact]
    public async Task Migrate_SeveralInstancesStartingTogetherOnAnEmptyDatabase_AllStartAndTheSchemaIsWhole()
    {
        // Four instances starting at once: each migrates; none may stop on a table another has just created.
        var starts = Enumerable.Range(0, 4).Select(_ => Task.Run(() => AuditMaintenance.MigrateAsync(Database.Contexts(), CancellationToken.None))).ToArray();

        await Task.WhenAll(starts);

        var context = await Database.Contexts().CreateDbContextAsync(CancellationToken.None);
        await using (context)
        {
            Assert.Empty(await context.Database.GetPendingMigrationsAsync(CancellationToken.None));
            Assert.Equal(0, await context.Set<CallSupervisor.Audit.Data.CallRecordRow>().CountAsync(CancellationToken.None));
        }
    }


    // A port nothing listens on: the database is down.
    protected override Task<AuditOptions> UnwritableAsync() => Task.FromResult(new AuditOptions
    {
        Provider = AuditProvider.PostgreSql,
        ConnectionString = $"Host=127.0.0.1;Port={ServerProcesses.FreePort()};Username=postgres;Database=audit;Timeout=3",
    });
}
