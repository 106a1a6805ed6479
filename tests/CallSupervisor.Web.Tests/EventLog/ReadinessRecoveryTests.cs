using System.Net;
using System.Text;
using System.Text.Json;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Board.EventLog;
using CallSupervisor.Web.Tests.Callbacks;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>
/// A log that cannot be written (a full disk: reads still work, writes fail) makes readiness Unhealthy; once it can be
/// written again, readiness is Healthy by itself — no callback or action has to write first (a balancer sends none
/// to an instance it took out) — and the probing added no record to the log.
/// </summary>
public sealed class ReadinessRecoveryTests
{
    [Fact]
    public async Task Readiness_LogWritesFailThenWork_HealthyAgainWithoutAnyWrite()
    {
        var log = new WriteFailingEventLog { WritesFail = true };
        await using var app = new CallbackAppFactory(callbackAuth: false,
            new Dictionary<string, string> { ["EventLog:ProbeInterval"] = "00:00:00.100" },
            services =>
            {
                services.AddSingleton<IEventLog>(log);
                services.AddSingleton<ICheckpointStore>(log.Inner);
            });
        using var client = app.CreateClient();
        using var refused = await client.PostAsync("/api/callbacks/acs", new StringContent("""
            [{"id":"full-1","type":"Microsoft.Communication.CallConnected","data":{"callConnectionId":"c1","serverCallId":"s","correlationId":"c"}}]
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        log.WritesFail = false;

        var status = app.Services.GetRequiredService<EventLogStatus>();
        await WaitUntilAsync(status, () => status.Available && status.CaughtUp);
        using var ready = await client.GetAsync("/health/ready");
        var report = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, report);
        Assert.Equal("Healthy", JsonDocument.Parse(report).RootElement.GetProperty("status").GetString());
        Assert.Empty(log.Inner.Records);
    }

    [Fact]
    public async Task Readiness_SqliteEventLogRefusesWritesThenTakesThem_HealthyAgainWithoutAnyCallback()
    {
        var folder = Path.Combine(Path.GetTempPath(), "callsupervisor-full-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "journal.db");
        try
        {
            await using var app = new CallbackAppFactory(callbackAuth: false,
                new Dictionary<string, string> { ["EventLog:SqlitePath"] = path, ["EventLog:ProbeInterval"] = "00:00:00.100" });
            using var client = app.CreateClient();
            // The event log's file refuses every new row with SQLite's own "disk full" error, as a full disk would.
            Sqlite(path, """
                CREATE TRIGGER full_journal BEFORE INSERT ON journal BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
                CREATE TRIGGER full_probe BEFORE INSERT ON probe BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
                """);
            using var refused = await client.PostAsync("/api/callbacks/acs", new StringContent("""
                [{"id":"full-2","type":"Microsoft.Communication.CallConnected","data":{"callConnectionId":"c2","serverCallId":"s","correlationId":"c"}}]
                """, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

            Sqlite(path, "DROP TRIGGER full_journal; DROP TRIGGER full_probe;");

            var status = app.Services.GetRequiredService<EventLogStatus>();
            await WaitUntilAsync(status, () => status.Available && status.CaughtUp);
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(0, app.Services.GetRequiredService<SqliteEventLog>().Count());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Sqlite(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Woken by the status's own change event; the timeout only bounds a failure.
    private static async Task WaitUntilAsync(EventLogStatus status, Func<bool> condition)
    {
        var changed = new SemaphoreSlim(0);
        void OnChanged() => changed.Release();
        status.Changed += OnChanged;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!condition())
            {
                await changed.WaitAsync(timeout.Token);
            }
        }
        finally
        {
            status.Changed -= OnChanged;
        }
    }

    /// <summary>The in-memory log with its disk full: appends and probes fail while <see cref="WritesFail"/>, reads work.</summary>
    private sealed class WriteFailingEventLog : IEventLog, IEventLogProbe
    {
        public InMemoryEventLog Inner { get; } = new();

        public bool WritesFail { get; set; }

        public Task<string> AppendAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken) =>
            WritesFail ? throw new EventLogUnavailableException("test: the disk is full") : Inner.AppendAsync(events, cancellationToken);

        public IAsyncEnumerable<LogRecord> ReadAsync(string? after, CancellationToken cancellationToken) => Inner.ReadAsync(after, cancellationToken);

        public Task<string?> LastPositionAsync(CancellationToken cancellationToken) => Inner.LastPositionAsync(cancellationToken);

        public Task ProbeAsync(CancellationToken cancellationToken) =>
            WritesFail ? throw new EventLogUnavailableException("test: the disk is full") : Task.CompletedTask;
    }
}
