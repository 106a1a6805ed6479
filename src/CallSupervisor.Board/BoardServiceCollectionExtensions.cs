using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Board.EventLog;
using CallSupervisor.Board.Maintenance;
using CallSupervisor.Board.Replication;
using CallSupervisor.Board.Workflow;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallSupervisor.Board;

/// <summary>
/// The board's runtime: the event log and what runs on it — alone on the embedded SQLite event log, or, with
/// <c>Redis:ConnectionString</c>, on a Redis stream shared by every instance (with a maintenance lease) — the workflow
/// runtime, maintenance and reconciliation. The store itself, the telephony ports and the audit trail are registered
/// beside it by the composition root.
/// </summary>
public static class BoardServiceCollectionExtensions
{
    /// <summary>This process among the instances (in log records and the lease).</summary>
    public static readonly string Instance = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The event log, the replica, the workflow runtime, maintenance and their settings.</summary>
    public static IServiceCollection AddCallBoard(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCallEventLog(configuration, environment);
        services.AddOptions<Figures.FiguresSettings>()
            .Bind(configuration.GetSection(Figures.FiguresSettings.SectionName))
            .Validate(o => o.Zone is not null, "Figures:TimeZone names no time zone known here (use an IANA id such as Europe/Lisbon).")
            .Validate(o => o.Defaults.Problem is null, "Figures: the default targets are out of range (answer target 1 s–1 h, goals 0–100 %, short abandon 0–60 s, thresholds above zero).")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Figures.FiguresSettings>>().Value.Options);
        services.AddOptions<CallsOptions>()
            .Bind(configuration.GetSection(CallsOptions.SectionName))
            .Validate(o => o.EndedRetention >= TimeSpan.Zero, "Calls:EndedRetention must not be negative.")
            .Validate(o => o.ConfirmationTimeout >= TimeSpan.FromSeconds(1), "Calls:ConfirmationTimeout must be at least 1 s.")
            .Validate(o => o.ActionsPerUser is >= 1 and <= 100_000, "Calls:ActionsPerUser must be between 1 and 100,000.")
            .Validate(o => o.ActionWindow >= TimeSpan.FromSeconds(1) && o.ActionWindow <= TimeSpan.FromHours(1), "Calls:ActionWindow must be between 1 s and 1 h.")
            .Validate(o => o.MaintenanceInterval >= TimeSpan.FromMilliseconds(100), "Calls:MaintenanceInterval must be at least 100 ms.")
            .Validate(o => o.ReconcileInterval >= TimeSpan.FromSeconds(1), "Calls:ReconcileInterval must be at least 1 s.")
            .Validate(o => o.InvitationGrace >= TimeSpan.Zero, "Calls:InvitationGrace must not be negative.")
            .Validate(o => o.MediaTimeout >= TimeSpan.FromSeconds(1), "Calls:MediaTimeout must be at least 1 s.")
            .Validate(o => o.MaxCallbackBytes is >= 1024 and <= 64 * 1024 * 1024, "Calls:MaxCallbackBytes must be between 1 KiB and 64 MiB.")
            .Validate(o => o.EventGridKey is { Length: >= 16 }, "Calls:EventGridKey must be set (at least 16 characters): the Event Grid subscription posts to /api/callbacks/incoming?key=<it>.")
            .Validate(o => o.MaxQueuedEvents is >= 100 and <= 10_000_000, "Calls:MaxQueuedEvents must be between 100 and 10,000,000.")
            .Validate(o => o.MaxEventTimeSkew >= TimeSpan.FromSeconds(1), "Calls:MaxEventTimeSkew must be at least 1 s.")
            .ValidateOnStart();
        services.AddOptions<WorkflowSettings>()
            .Bind(configuration.GetSection(WorkflowSettings.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkflowSettings>, WorkflowSettingsValidator>();
        services.AddSingleton<ReconcileSchedule>();
        services.AddSingleton<IReconcileRequests>(sp => sp.GetRequiredService<ReconcileSchedule>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WorkflowSettings>>().Value.ToOptions());
        services.AddSingleton(sp => new ContactCenterWorkflow(
            sp.GetRequiredService<ICallAutomationPort>(),
            sp.GetRequiredService<ICallEventSink>(),
            sp.GetRequiredService<WorkflowOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<Routing.RoutingService>();
        services.AddHostedService<CallMaintenance>();
        return services;
    }

    /// <summary>The event log alone and what runs on it (the pipeline, the replica, the workflow inbox, the call recorder).</summary>
    public static IServiceCollection AddCallEventLog(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<EventLogOptions>()
            .Bind(configuration.GetSection(EventLogOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqlitePath), "EventLog:SqlitePath must be set.")
            .Validate(o => o.CheckpointInterval >= TimeSpan.FromSeconds(1), "EventLog:CheckpointInterval must be at least 1 s.")
            .Validate(o => o.CheckpointEvery >= 10, "EventLog:CheckpointEvery must be at least 10.")
            .Validate(o => o.ApplyTimeout >= TimeSpan.FromMilliseconds(100), "EventLog:ApplyTimeout must be at least 100 ms.")
            .Validate(o => o.ProbeInterval >= TimeSpan.FromMilliseconds(100) && o.ProbeInterval <= TimeSpan.FromMinutes(1), "EventLog:ProbeInterval must be between 100 ms and 1 minute.")
            .ValidateOnStart();
        var redis = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        services.AddSingleton<IValidateOptions<EventLogOptions>>(new EventLogStorageValidator(environment.ContentRootPath, redis.Enabled));
        services.AddSingleton(redis);
        services.AddOptions<RedisOptions>()
            .Bind(configuration.GetSection(RedisOptions.SectionName))
            .Validate(o => !o.Enabled || IsRedisConfiguration(o.ConnectionString!), BadConnectionString)
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyPrefix), "Redis:KeyPrefix must not be empty.")
            .Validate(o => o.StreamLength >= 10_000, "Redis:StreamLength must be at least 10000 (it must hold far more than a checkpoint interval's events).")
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(10) && o.PollInterval <= TimeSpan.FromSeconds(10), "Redis:PollInterval must be between 10 ms and 10 s.")
            .ValidateOnStart();
        services.AddSingleton<EventLogStatus>();
        services.AddSingleton<AppliedEvents>();
        services.TryAddSingleton(sp => sp.GetService<System.Diagnostics.Metrics.IMeterFactory>() is { } meters
            ? new CallSupervisor.Core.Diagnostics.CallSupervisorMeter(meters) : new CallSupervisor.Core.Diagnostics.CallSupervisorMeter());
        services.TryAddSingleton<CallSupervisor.Core.Diagnostics.CallSupervisorMetrics>();
        services.AddSingleton<CallSupervisor.Core.Diagnostics.ActionTraces>();

        if (redis.Enabled)
        {
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectRedis(redis));
            services.AddSingleton(sp => new RedisEventLog(sp.GetRequiredService<IConnectionMultiplexer>(), redis, Instance));
            services.AddSingleton<IEventLog>(sp => MeasuredEventLog.Wrap(sp.GetRequiredService<RedisEventLog>(), sp.GetRequiredService<CallSupervisor.Core.Diagnostics.CallSupervisorMetrics>()));
            services.AddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<RedisEventLog>());
            services.AddSingleton(sp => new RedisLeadership(sp.GetRequiredService<IConnectionMultiplexer>(), redis, Instance,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisLeadership>>()));
            services.AddSingleton<ILeadership>(sp => sp.GetRequiredService<RedisLeadership>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisLeadership>());
        }
        else
        {
            services.AddSingleton(sp => new SqliteEventLog(
                Path.GetFullPath(sp.GetRequiredService<IOptions<EventLogOptions>>().Value.SqlitePath, environment.ContentRootPath),
                Instance, sp.GetRequiredService<ILogger<SqliteEventLog>>()));
            services.AddSingleton<IEventLog>(sp => MeasuredEventLog.Wrap(sp.GetRequiredService<SqliteEventLog>(), sp.GetRequiredService<CallSupervisor.Core.Diagnostics.CallSupervisorMetrics>()));
            services.AddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<SqliteEventLog>());
            services.AddSingleton<ILeadership, SingleInstanceLeadership>();
        }
        services.AddSingleton(sp =>
        {
            var status = sp.GetRequiredService<EventLogStatus>();
            status.Kind = redis.Enabled ? "Redis stream" : "SQLite event log";
            return EventLogStart.Load(sp.GetRequiredService<ICheckpointStore>(), sp.GetRequiredService<ILogger<EventLogStart>>());
        });
        services.AddSingleton<EventPipeline>();
        services.AddSingleton<ICallEventSink>(sp => sp.GetRequiredService<EventPipeline>());
        services.AddSingleton<IEventApplier>(sp => sp.GetRequiredService<EventPipeline>());
        services.AddSingleton<WorkflowReactions>();
        services.AddSingleton<WorkflowInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowInbox>());
        // Subscribed before the replica applies anything, so the events after the checkpoint are compared too.
        services.AddHostedService<Records.CallRecorder>();
        services.AddSingleton<EventLogReplica>();
        services.AddHostedService(sp => sp.GetRequiredService<EventLogReplica>());
        services.AddSingleton<IEndedCallPruning>(sp => sp.GetRequiredService<EventLogReplica>());
        services.AddHostedService<EventLogProbe>();
        return services;
    }

    private const string BadConnectionString = "Redis:ConnectionString is not a StackExchange.Redis configuration string (host:port[,option=value…]).";

    private static bool IsRedisConfiguration(string value)
    {
        try
        {
            return ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static ConnectionMultiplexer ConnectRedis(RedisOptions options)
    {
        // Resolved while the services are built, which can come before the options checks run: checked here too.
        if (!IsRedisConfiguration(options.ConnectionString!))
        {
            throw new OptionsValidationException(RedisOptions.SectionName, typeof(RedisOptions), [BadConnectionString]);
        }
        return ConnectionMultiplexer.Connect(RedisConfiguration(options));
    }

    /// <summary>
    /// The client's settings. Not aborting on a failed first connect: an instance that starts while Redis is down comes
    /// up degraded and catches up once Redis answers. Failing fast while Redis is away: by default the client queues
    /// commands while disconnected until their timeout (5 s), so every callback hung that long before its 503; now a
    /// command without a connection fails at once, and one Redis does not answer fails after
    /// <see cref="CommandTimeoutMs"/> — ACS then resends the callback (to another instance, behind a balancer).
    /// </summary>
    internal static ConfigurationOptions RedisConfiguration(RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = ConfigurationOptions.Parse(options.ConnectionString!);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = 5000;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.AsyncTimeout = CommandTimeoutMs;
        configuration.SyncTimeout = CommandTimeoutMs;
        configuration.ClientName = Instance;
        return configuration;
    }

    /// <summary>How long a Redis command may take before it counts as failed (a healthy Redis answers in milliseconds).</summary>
    internal const int CommandTimeoutMs = 2000;
}
