using BenchmarkDotNet.Attributes;
using Bunit;
using CallSupervisor.Benchmarks.Support;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Web.Actions;
using CallSupervisor.Web.Components.Pages;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// The live calls page really rendered — the component, MudBlazor's grid with virtualisation, the cards, the summary
/// — by bUnit's renderer (the same renderer Blazor Server uses, without the network), with 10,000 calls: the first
/// render after the circuit starts, and a re-render after a batch of 10 changed calls. The browser's layout and
/// painting and the SignalR transfer are not part of it (the browser tests and the load harness cover those).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class LiveCallsRenderBenchmarks
{
    public const int Calls = LiveCallsPageBenchmarks.Calls;

    private CallStore _store = null!;
    private EventFactory _events = null!;
    private BunitContext _context = null!;
    private int _next;

    [GlobalSetup]
    public void SetUp() => (_store, _events) = DashboardState.BuildStore(Calls);

    [IterationSetup]
    public void NewCircuit()
    {
        // A fresh "circuit" per iteration: what a supervisor opening the page pays.
        _context = new BunitContext();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(TimeProvider.System);
        _context.Services.AddSingleton(_store);
        _context.Services.AddSingleton<ICallsFeed>(_store);
        _context.Services.AddSingleton(Options.Create(new DashboardOptions()));
        _context.Services.AddSingleton<IConfirmService, NeverConfirm>();
        _context.Services.AddScoped<IActionNotifier, SnackbarActionNotifier>();
        _context.Services.AddSingleton(new ActionExecutor(_store, new StoreApplier(_store), new ActionPorts(null!, null!), TimeProvider.System, new InMemoryAuditTrail()));
        _context.Services.AddScoped<CurrentUser>();
        // A signed-in supervisor, as every page needs.
        var authorization = _context.AddAuthorization();
        authorization.SetAuthorized("Sam Supervisor");
        authorization.SetRoles(SupervisorRoles.Supervisor);
        _context.Services.AddScoped<ActionRunner>();
        _context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [IterationCleanup]
    public void CloseCircuit() => _context.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The page's first render with 10,000 calls on the board.</summary>
    [Benchmark]
    public int FirstRender() => _context.Render<LiveCalls>().Markup.Length;

    /// <summary>First render, then one batch of 10 changed calls rendered (the page re-renders once per batch).</summary>
    [Benchmark]
    public int FirstRenderThenBatch()
    {
        var page = _context.Render<LiveCalls>();
        var before = page.RenderCount;
        var live = Enumerable.Range(_next, Calls).Select(i => _events.Target(i % Calls))
            .Where(call => _store.Current.Find(_events.CallId(call))!.IsLive).Take(10).ToList();
        StoreSeeder.ApplyAll(_store, [.. live.Select(_events.Roster)]);
        _next += 20;
        page.WaitForState(() => page.RenderCount > before, TimeSpan.FromSeconds(10));
        return page.Markup.Length;
    }

    private sealed class NeverConfirm : IConfirmService
    {
        public Task<bool> ConfirmAsync(Confirmation confirmation) => Task.FromResult(false);
    }
}
