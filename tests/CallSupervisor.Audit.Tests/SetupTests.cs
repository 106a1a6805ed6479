using CallSupervisor.Audit.Tests.Infrastructure;
using CallSupervisor.Audit.Writing;
using CallSupervisor.Core.Audit;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Audit.Tests;

/// <summary>Settings checked at start, the default SQLite location, and an overflowing queue.</summary>
public sealed class SetupTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("Audit:Retention", "12:00:00", "Audit:Retention must be at least 1 day.")]
    [InlineData("Audit:UnsettledAfter", "00:00:00", "Audit:UnsettledAfter must be at least 1 s.")]
    [InlineData("Audit:QueueCapacity", "10", "Audit:QueueCapacity must be between 1,000 and 10,000,000.")]
    [InlineData("Audit:Provider", "PostgreSql", "ConnectionStrings:Audit must be set when Audit:Provider is PostgreSql.")]
    [InlineData("Audit:Provider", "Oracle", "Audit:Provider")]
    public async Task Start_WithABadSetting_FailsNamingIt(string key, string value, string message)
    {
        using var host = AuditTestHost.Build(_database, new TestClock(), new Dictionary<string, string?> { [key] = value }, out _);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Start_SqlitePathUnderAFile_FailsNamingTheSetting()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "callsupervisor-audit-blocker-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "not a folder");
        try
        {
            using var host = AuditTestHost.Build(_database, new TestClock(), new Dictionary<string, string?> { ["Audit:SqlitePath"] = Path.Combine(blocker, "sub", "audit.db") }, out _);

            var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

            Assert.StartsWith("Audit:SqlitePath: the audit database ", Assert.Single(error.Failures), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task Start_WithDefaults_CreatesDataAuditDbUnderTheContentRoot()
    {
        await using var host = await AuditTestHost.StartAsync(_database, new TestClock());

        Assert.True(File.Exists(Path.Combine(_database.ContentRoot, "data", "audit.db")));
        Assert.Equal(100_000, host.EfTrail.QueueCapacity);
    }

    [Fact]
    public void Update_WhenTheQueueIsFull_CountsAndLogsTheLostUpdate()
    {
        var logs = new LogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var trail = new EfAuditTrail(_database.Contexts(), new AuditUpdateQueue(1_000), new TestClock(), factory.CreateLogger<EfAuditTrail>());

        for (var i = 0; i < 1_002; i++)
        {
            trail.Update(new AuditUpdate($"supervisor-mute:{i}", AuditStatus.Confirmed, TestClock.Start));
        }

        Assert.Equal(2, trail.DroppedUpdates);
        Assert.Equal(1_000, trail.QueuedUpdates);
        var errors = logs.Entries.Where(e => e.Level == LogLevel.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains("supervisor-mute:1001", errors[1].Message);
        Assert.Contains("2 lost so far", errors[1].Message);
    }

    [Fact]
    public void Validator_AcceptsTheDefaults() =>
        Assert.True(new AuditOptionsValidator().Validate(null, new AuditOptions()).Succeeded);
}
