using System.Collections.Concurrent;
using CallSupervisor.Audit.Data;
using CallSupervisor.Audit.Export;
using CallSupervisor.Audit.Queries;
using CallSupervisor.Audit.Writing;
using CallSupervisor.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Audit.Tests.Infrastructure;

/// <summary>
/// The audit trail as the app runs it: a host with <see cref="AuditServiceCollectionExtensions.AddAuditTrail"/>,
/// started (migration, repair, writer, retention) and stopped (the writer drains). Writer retries are shortened.
/// </summary>
public sealed class AuditTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private AuditTestHost(IHost host, LogCollector logs)
    {
        _host = host;
        Logs = logs;
    }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _host.Services;

    public IAuditTrail Trail => Services.GetRequiredService<IAuditTrail>();

    public EfAuditTrail EfTrail => Services.GetRequiredService<EfAuditTrail>();

    public IAuditQueries Queries => Services.GetRequiredService<IAuditQueries>();

    public AuditCsvExporter Exporter => Services.GetRequiredService<AuditCsvExporter>();

    public IDbContextFactory<AuditDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<AuditDbContext>>();

    internal static AuditWriterSettings FastWriter { get; } = new()
    {
        UnknownRetryDelay = TimeSpan.FromMilliseconds(40),
        // A second of retries: a row committed late on a loaded machine (the suite runs beside the browser tests)
        // still arrives within the window.
        UnknownAttempts = 25,
        FailureDelay = TimeSpan.FromMilliseconds(50),
        MaxFailureDelay = TimeSpan.FromMilliseconds(200),
    };

    public static async Task<AuditTestHost> StartAsync(TestDatabase database, TimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        var host = Build(database, clock, settings, out var logs);
        await host.StartAsync();
        return new AuditTestHost(host, logs);
    }

    /// <summary>Builds without starting (for start-up failures).</summary>
    public static IHost Build(TestDatabase database, TimeProvider clock, IDictionary<string, string?>? settings, out LogCollector logs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = database.ContentRoot,
            EnvironmentName = "Test",
        });
        var config = database.Settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(config);
        var collector = new LogCollector();
        logs = collector;
        builder.Logging.AddProvider(collector).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(clock);
        builder.Services.AddAuditTrail(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton(FastWriter));
        return builder.Build();
    }

    /// <summary>Waits until every queued update has been written.</summary>
    public async Task WaitForWritesAsync()
    {
        var writer = Services.GetRequiredService<AuditWriter>();
        using var progressed = new SemaphoreSlim(0);
        void OnProgress() => progressed.Release();
        // Subscribed before the first look, so a batch finishing in between still wakes the wait.
        writer.Progressed += OnProgress;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!writer.IsIdle)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await progressed.WaitAsync(left))
                {
                    throw new TimeoutException("The audit writer did not finish its queue within 20 s.");
                }
            }
        }
        finally
        {
            writer.Progressed -= OnProgress;
        }
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}

/// <summary>Keeps every log line the audit trail writes, for assertions on what it reported.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _waiters = [];

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    /// <summary>Completes once a line matching <paramref name="matches"/> is logged (or already was).</summary>
    public Task WaitForAsync(Func<string, bool> matches, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (_entries.Any(e => matches(e.Message)))
            {
                return Task.CompletedTask;
            }
            _waiters.Add((matches, seen));
        }
        return seen.Task.WaitAsync(timeout);
    }

    private void Add((LogLevel Level, string Category, string Message) entry)
    {
        lock (_waiters)
        {
            _entries.Enqueue(entry);
            foreach (var waiter in _waiters.Where(w => w.Matches(entry.Message)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The audit trail's own lines, and anything the host reports (a background service that threw).
            if (IsEnabled(logLevel) && (category.StartsWith("CallSupervisor", StringComparison.Ordinal) || logLevel >= LogLevel.Warning))
            {
                owner.Add((logLevel, category, formatter(state, exception)));
            }
        }
    }
}
