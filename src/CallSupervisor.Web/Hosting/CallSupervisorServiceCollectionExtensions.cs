using CallSupervisor.Audit;
using CallSupervisor.Core.Audit;
using CallSupervisor.Web.Agents;
using CallSupervisor.Web.Audit;
using CallSupervisor.Web.Reports;
using CallSupervisor.Board;
using CallSupervisor.Board.EventLog;
using CallSupervisor.Board.Workflow;
using CallSupervisor.Web.Security;
using CallSupervisor.Core.Store;
using CallSupervisor.Telephony;
using CallSupervisor.Web.Callbacks;
using CallSupervisor.Web.Hubs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using CallSupervisor.Web.Actions;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using CallSupervisor.Core.Execution;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Web.Hosting;

/// <summary>Composition root of the dashboard.</summary>
public static class CallSupervisorServiceCollectionExtensions
{
    public static IServiceCollection AddCallSupervisor(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCallSupervisorSecurity(configuration, environment);
        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection(DashboardOptions.SectionName))
            .Validate(o => o.BatchWindow >= TimeSpan.Zero && o.BatchWindow <= TimeSpan.FromSeconds(2), "Dashboard:BatchWindow must be between 0 and 2 s.")
            .Validate(o => o.HubBatchWindow >= TimeSpan.Zero && o.HubBatchWindow <= TimeSpan.FromSeconds(2), "Dashboard:HubBatchWindow must be between 0 and 2 s.")
            .Validate(o => o.ShowEndedFor >= TimeSpan.Zero, "Dashboard:ShowEndedFor must not be negative.")
            .Validate(o => o.Thresholds.Alone > TimeSpan.Zero, "Dashboard:Thresholds:Alone must be positive.")
            .Validate(o => o.FiguresFreshness >= TimeSpan.Zero && o.FiguresFreshness <= TimeSpan.FromSeconds(10), "Dashboard:FiguresFreshness must be between 0 and 10 s.")
            .ValidateOnStart();

        services.AddOptions<MemoryOptions>()
            .Bind(configuration.GetSection(MemoryOptions.SectionName))
            .Validate(o => o.IdleTrimInterval >= TimeSpan.Zero, "Memory:IdleTrimInterval must not be negative.")
            .ValidateOnStart();
        services.AddHostedService<IdleMemoryTrim>();

        services.AddSingleton(TimeProvider.System);
        services.AddCallSupervisorTelemetry(configuration);
        services.AddSingleton<OperationsMonitor>();
        services.AddHostedService<OperationalGauges>();

        services.AddCallState(configuration, environment);
        services.AddTelephony(configuration);
        // JSON for browsers and scripts, MessagePack for clients that ask for it (CallsHubClientOptions.Protocol).
        services.AddSignalR().AddMessagePackProtocol();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<CircuitHandler, CircuitCounter>();
        services.AddDashboardUi();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<CallQueueHealthCheck>("callbacks", tags: [ReadyTag]);
        return services;
    }

    private const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapCallSupervisorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness: the process answers. Readiness: it can take callbacks (inbox depth and age), as JSON.
        // Probes come from the load balancer or orchestrator, not a signed-in user.
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        var graph = endpoints.ServiceProvider.GetRequiredService<IOptions<CallSupervisor.Telephony.Options.GraphOptions>>().Value.Enabled;
        endpoints.MapCallbackEndpoints(graph);
        // Anything else under /api is a 404 problem for every method: without this the pages' catch-all route
        // matches, answers POST with 405 and GET with an HTML page.
        endpoints.Map("/api/{**path}", (string? path) => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no API at /api/{path}.")).AllowAnonymous();
        endpoints.MapHub<CallsHub>(CallsHub.Path)
            .WithWebSocketCompression(endpoints, endpoints.ServiceProvider.GetRequiredService<IOptions<DashboardOptions>>().Value.HubCompression);
        endpoints.MapAccountEndpoints();
        endpoints.MapAuditExport();
        endpoints.MapReports();
        endpoints.MapAgentEndpoints();
        return endpoints;
    }

    /// <summary>MudBlazor and the UI's own services: confirmations, action notices, the action runner.</summary>
    internal static void AddDashboardUi(this IServiceCollection services)
    {
        // The pages measure their renders (FeedComponentBase) on the product's meter.
        services.AddCallSupervisorMeter();
        services.AddMudServices(o =>
        {
            // Bottom left, where the live page keeps a free band: a notice never covers an action button or a column.
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            o.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
            o.SnackbarConfiguration.PreventDuplicates = false;
            o.SnackbarConfiguration.NewestOnTop = true;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        services.AddScoped<IConfirmService, DialogConfirmService>();
        services.AddScoped<IChoiceService, DialogChoiceService>();
        services.AddScoped<IActionNotifier, SnackbarActionNotifier>();
        services.AddScoped<ActionRunner>();
    }

    private static void AddCallState(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // The board's runtime: event log, replica, workflow, maintenance and their settings (Calls, Workflow).
        services.AddCallBoard(configuration, environment);
        services.AddCallbackIngest();

        // Every action is recorded in the database before it is sent (SQLite by default, PostgreSQL by configuration).
        services.AddAuditTrail(configuration);
        // Every settled action reaches the audit trail through the store's observer.
        // Restored from the newest checkpoint; the event log after it is applied by the replica before serving.
        services.AddSingleton(sp => new CallStore(
            sp.GetRequiredService<TimeProvider>(),
            new CallStoreOptions(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.BatchWindow)
            {
                DayZone = sp.GetRequiredService<CallSupervisor.Core.Figures.FigureOptions>().Zone,
            },
            // …and the span applying the settling event links to the action's trace.
            new TracingOutcomeObserver(new AuditOutcomeObserver(sp.GetRequiredService<IAuditTrail>()), sp.GetRequiredService<CallSupervisor.Core.Diagnostics.ActionTraces>()),
            sp.GetRequiredService<EventLogStart>().State));
        services.AddSingleton<ICallsFeed>(sp => sp.GetRequiredService<CallStore>());
        services.AddSingleton(sp => new ActionExecutor(
            sp.GetRequiredService<ICallsFeed>(),
            sp.GetRequiredService<CallSupervisor.Core.EventLog.IEventApplier>(),
            Ports(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IAuditTrail>(),
            sp.GetRequiredService<CallSupervisor.Core.Ports.IReconcileRequests>(),
            new ActionLimits(sp.GetRequiredService<IOptions<CallsOptions>>().Value.ActionsPerUser, sp.GetRequiredService<IOptions<CallsOptions>>().Value.ActionWindow),
            new ActionLog(sp.GetRequiredService<ILogger<ActionLog>>()),
            sp.GetRequiredService<CallSupervisor.Core.Workflow.WorkflowOptions>().Directory));
        services.AddScoped<CurrentUser>();
        services.AddSingleton(sp => new CallbackAddress(
            () => ServerAddress.ListeningAddress(sp.GetRequiredService<IServer>()),
            sp.GetRequiredService<IOptions<CallSupervisor.Telephony.Options.AcsOptions>>().Value.CallbackBaseUrl is { Length: > 0 } url ? new Uri(url) : null));
        services.AddHostedService<CallsHubBroadcaster>();
        services.AddHostedService<FiguresBroadcaster>();
        services.AddSingleton<Figures.SettingsChange>();
        services.AddSingleton(sp => new Figures.SharedDayFigures(
            sp.GetRequiredService<CallSupervisor.Core.Figures.FigureOptions>(),
            sp.GetRequiredService<CallSupervisor.Core.Workflow.WorkflowOptions>(),
            sp.GetRequiredService<IOptions<DashboardOptions>>().Value.FiguresFreshness));
        services.AddSingleton<Figures.TargetsEditor>();
        services.AddSingleton<Figures.AlertAcknowledger>();
        services.AddHostedService<Figures.TargetsStartup>();
    }

    // What actions send with their requests: the workflow's hold music (ACS plays silence without one) and ring time.
    private static ActionPorts Ports(IServiceProvider sp)
    {
        var workflow = sp.GetRequiredService<CallSupervisor.Core.Workflow.WorkflowOptions>();
        return new ActionPorts(sp.GetRequiredService<CallSupervisor.Core.Ports.ICallAutomationPort>(), sp.GetRequiredService<CallSupervisor.Core.Ports.IGraphCallsPort>())
        {
            HoldMusic = workflow.HoldMusic is { IsAbsoluteUri: true, Scheme: "https" or "http" } music ? music : null,
            InvitationTimeout = workflow.InvitationTimeout,
        };
    }
}
