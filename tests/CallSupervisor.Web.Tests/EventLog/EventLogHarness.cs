using CallSupervisor.Core.Tests.Actions;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Board;
using CallSupervisor.Board.EventLog;
using CallSupervisor.Board.Replication;
using CallSupervisor.Board.Workflow;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>
/// The app's event-log wiring (<see cref="BoardServiceCollectionExtensions.AddCallEventLog"/>, the embedded SQLite
/// event log in a folder of the test's choosing) with the real store, workflow and replica over a fake ACS port: what
/// one instance runs, without HTTP. Two harnesses on the same folder, one after the other, are a restart.
/// </summary>
internal sealed class EventLogHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private EventLogHarness(ServiceProvider services, List<IHostedService> hosted)
    {
        _services = services;
        _hosted = hosted;
    }

    public CallStore Store => _services.GetRequiredService<CallStore>();

    public EventPipeline Pipeline => _services.GetRequiredService<EventPipeline>();

    public WorkflowInbox Inbox => _services.GetRequiredService<WorkflowInbox>();

    public EventLogReplica Replica => _services.GetRequiredService<EventLogReplica>();

    public EventLogStatus Status => _services.GetRequiredService<EventLogStatus>();

    public SqliteEventLog Log => _services.GetRequiredService<SqliteEventLog>();

    /// <summary>
    /// The app's event log services over a SQLite file in <paramref name="folder"/>; <paramref name="settings"/> go over
    /// the harness's configuration (e.g. <c>EventLog:CheckpointEvery</c>) and <paramref name="replace"/> registers
    /// last, so its services win (e.g. another <c>ICheckpointStore</c>).
    /// </summary>
    public static async Task<EventLogHarness> StartAsync(
        string folder, FakeCallAutomationPort acs, TimeProvider time, bool workflow = true,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventLog:SqlitePath"] = Path.Combine(folder, "journal.db"),
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddOptions<CallsOptions>();
        services.AddSingleton<IHostApplicationLifetime, Lifetime>();
        services.AddCallEventLog(configuration, new Environment(folder));
        services.AddSingleton(sp => new CallStore(time, new CallStoreOptions(TimeSpan.Zero), null, sp.GetRequiredService<EventLogStart>().State));
        services.AddSingleton<ICallsFeed>(sp => sp.GetRequiredService<CallStore>());
        services.AddSingleton(sp => new ContactCenterWorkflow(acs, sp.GetRequiredService<ICallEventSink>(), new WorkflowOptions(
            workflow, CallSupervisor.Core.Routing.ContactCenterDirectory.Empty, new Uri("https://media.example.com/hold.wav"), new Uri("https://media.example.com/menu.wav"), TimeSpan.FromSeconds(60)), time));
        services.AddSingleton(new CallbackAddress(() => CallSupervisor.Web.Hosting.ServerAddress.ListeningAddress(new NoServer()), new Uri("http://127.0.0.1:9/")));
        // The call recorder runs on the log too; its records go to memory here.
        services.AddSingleton(new CallSupervisor.Audit.Records.CallRecordWriter(new Records.InMemoryCallRecordStore(), new CallSupervisor.Audit.Records.CallRecordWriterSettings(), time, Microsoft.Extensions.Logging.Abstractions.NullLogger<CallSupervisor.Audit.Records.CallRecordWriter>.Instance));
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        return new EventLogHarness(provider, hosted);
    }

    /// <summary>Waits until the replica has applied the log as it stood at start (it may have had nothing to apply).</summary>
    public async Task WaitForCaughtUpAsync()
    {
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged()
        {
            if (Status.CaughtUp)
            {
                caughtUp.TrySetResult();
            }
        }
        Status.Changed += OnChanged;
        try
        {
            OnChanged();
            await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Status.Changed -= OnChanged;
        }
    }

    /// <summary>Waits until the store (through the log) satisfies <paramref name="condition"/>.</summary>
    public async Task<CallsSnapshot> WaitForAsync(Func<CallsSnapshot, bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var subscription = Store.Subscribe(timeout.Token);
        if (condition(subscription.Initial))
        {
            return subscription.Initial;
        }
        try
        {
            await foreach (var batch in subscription.Changes)
            {
                if (condition(batch.State))
                {
                    return batch.State;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        throw new TimeoutException($"{what} did not happen; last state: {Store.Current.Calls.Count} calls");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_hosted))
        {
            await service.StopAsync(CancellationToken.None);
        }
        await _services.DisposeAsync();
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "CallSupervisor.Web";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
