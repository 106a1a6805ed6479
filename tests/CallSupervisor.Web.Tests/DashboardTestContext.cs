using CallSupervisor.Board.EventLog;
using CallSupervisor.Board.Replication;
using CallSupervisor.Board;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Tests.Actions;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Core.Tests;
using CallSupervisor.Web.Actions;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CallSupervisor.Web.Tests;

/// <summary>
/// Shared bUnit setup: the app's own UI registration (MudBlazor as configured, the snackbar notifier, the action
/// runner) with loose JS interop, an interactive Server renderer, the real in-memory store (no batch window) as the
/// feed, the real action executor over fake ports, and a confirmation that answers what the test says. Disposed
/// asynchronously (MudBlazor's services are async-only).
/// </summary>
/// <remarks>
/// The rest is registered by hand rather than by <c>AddCallSupervisor</c>: that also brings the event log (a SQLite
/// file or Redis), the audit database, the telephony HTTP clients and their hosted services — files, connections and
/// background work a component test must not start — so only the few services the components inject are given here.
/// </remarks>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected DashboardTestContext()
    {
        // The suite runs test classes in parallel on two cores: give waits room (they end as soon as they pass).
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Meters made by a factory of this context's own, disposed with it.
        Services.AddMetrics();
        Services.AddDashboardUi();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(StoreTestKit.NewStore(Time, outcomes: new AuditOutcomeObserver(Audit)));
        Services.AddSingleton<ICallsFeed>(sp => sp.GetRequiredService<CallStore>());
        Services.AddSingleton<ICallAutomationPort>(Acs);
        Services.AddSingleton<IGraphCallsPort>(Graph);
        // As the app wires it: the hold music and ringing time of the workflow, and its directory (agents to assign
        // or transfer to, supervisors' own endpoints to listen in with).
        Services.AddSingleton(sp =>
        {
            var workflow = sp.GetRequiredService<CallSupervisor.Core.Workflow.WorkflowOptions>();
            var ports = new ActionPorts(Acs, Graph) { HoldMusic = workflow.HoldMusic, InvitationTimeout = workflow.InvitationTimeout };
            return new ActionExecutor(sp.GetRequiredService<CallStore>(), new StoreApplier(sp.GetRequiredService<CallStore>()), ports, Time, Audit, directory: workflow.Directory);
        });
        Services.AddScoped<CurrentUser>();
        _authorization = AddAuthorization();
        SignIn("Sam Supervisor", SupervisorRoles.Supervisor);
        // Registered after the app's dialog-based confirmation, so it is the one resolved.
        Services.AddSingleton<IConfirmService>(Confirm);
        Services.AddSingleton(Options.Create(Dashboard));
        // The operations page reads the instruments; the gauges exist as the app's hosted service creates them.
        Services.AddSingleton<OperationalGauges>();
        Services.AddSingleton(sp =>
        {
            _ = sp.GetRequiredService<OperationalGauges>().StartAsync(CancellationToken.None);
            return new OperationsMonitor(sp.GetRequiredService<CallSupervisor.Core.Diagnostics.CallSupervisorMetrics>(), Time);
        });
        Services.AddSingleton(_ => Figures);
        Services.AddSingleton(sp => new CallSupervisor.Web.Figures.SettingsChange(new StoreApplier(sp.GetRequiredService<CallStore>()), Audit, Time));
        Services.AddSingleton<CallSupervisor.Web.Figures.TargetsEditor>();
        // Figures for every change: a test applies an event and looks at once, on a clock that does not move.
        Services.AddSingleton(sp => new CallSupervisor.Web.Figures.SharedDayFigures(Figures, sp.GetRequiredService<CallSupervisor.Core.Workflow.WorkflowOptions>(), TimeSpan.Zero));
        Services.AddSingleton<CallSupervisor.Web.Figures.AlertAcknowledger>();
        Services.AddSingleton(_ => new CallSupervisor.Core.Workflow.WorkflowOptions(true, Directory,
            new Uri("https://media.example/hold.wav"), new Uri("https://media.example/menu.wav"), TimeSpan.FromSeconds(60)));
        // The operations page reads the pipeline and the log's state; nothing here appends.
        Services.AddSingleton(new EventLogStatus(Time));
        Services.AddSingleton<ILeadership, SingleInstanceLeadership>();
        Services.AddSingleton(sp => new EventPipeline(new EventLog.InMemoryEventLog(), new AppliedEvents(), sp.GetRequiredService<EventLogStatus>(),
            Options.Create(new EventLogOptions()), Options.Create(new CallsOptions()), Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<EventPipeline>.Instance));
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    internal ManualTimeProvider Time { get; } = new();

    /// <summary>The figures' settings the pages see (UTC, the standard targets as defaults); replace before rendering.</summary>
    internal CallSupervisor.Core.Figures.FigureOptions Figures { get; set; } = CallSupervisor.Core.Figures.FigureOptions.Utc;

    /// <summary>
    /// The contact center the pages show (two queues, three agents, Sam Supervisor's own endpoint); a test may replace
    /// it before rendering.
    /// </summary>
    internal CallSupervisor.Core.Routing.ContactCenterDirectory Directory { get; set; } = TestDirectory.Center;

    internal InMemoryAuditTrail Audit { get; } = new();

    /// <summary>Signs the test's user in as <paramref name="name"/> with these app roles (as the token's claims would).</summary>
    protected void SignIn(string name, params string[] roles)
    {
        _authorization.SetAuthorized(name);
        _authorization.SetRoles(roles);
        _authorization.SetClaims(new System.Security.Claims.Claim("oid", "oid-" + name.Replace(' ', '-')));
    }

    private readonly Bunit.TestDoubles.BunitAuthorizationContext _authorization;

    internal TestEvents Events { get; } = new();

    internal FakeCallAutomationPort Acs { get; } = new();

    internal FakeGraphCallsPort Graph { get; } = new();

    internal FakeConfirm Confirm { get; } = new();

    internal DashboardOptions Dashboard { get; } = new();

    protected CallStore Store => Services.GetRequiredService<CallStore>();

    protected Call Call1 => Store.Current.Find(TestEvents.Call1)!;

    protected IEnumerable<Snackbar> Snackbars => Services.GetRequiredService<ISnackbar>().ShownSnackbars;

    /// <summary>
    /// Waits until the shown notices satisfy <paramref name="condition"/>. Notices change off the renderer (the
    /// notifier follows the feed), so this waits on the snackbar service's own change event, not on renders.
    /// </summary>
    protected async Task WaitForSnackbarsAsync(Func<IReadOnlyList<Snackbar>, bool> condition)
    {
        var snackbar = Services.GetRequiredService<ISnackbar>();
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition([.. snackbar.ShownSnackbars]))
            {
                met.TrySetResult();
            }
        }
        snackbar.OnSnackbarsUpdated += Check;
        try
        {
            Check();
            await met.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            snackbar.OnSnackbarsUpdated -= Check;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}

/// <summary>Answers every confirmation with <see cref="Answer"/> and remembers what was asked.</summary>
internal sealed class FakeConfirm : IConfirmService
{
    public bool Answer { get; set; } = true;

    public List<Confirmation> Asked { get; } = [];

    public Task<bool> ConfirmAsync(Confirmation confirmation)
    {
        Asked.Add(confirmation);
        return Task.FromResult(Answer);
    }
}
