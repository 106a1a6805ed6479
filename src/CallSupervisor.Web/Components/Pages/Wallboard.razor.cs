using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Workflow;
using Microsoft.AspNetCore.Components;

namespace CallSupervisor.Web.Components.Pages;

/// <summary>
/// The wallboard: a screen left on for days. It holds one figures object, replaced on each push (nothing kept per
/// render), ticks once a second for the clock and the longest waits (and recomputes while callers wait, as their
/// wait passes the target), and disposes its subscription and timer with the page. A restart or deploy of the server
/// is survived by the reconnect script (ReconnectModal.razor.js), which on this page retries and reloads on its own.
/// </summary>
public partial class Wallboard
{
    private TodayFigures _figures = null!;
    private DateTimeOffset _updatedAt;

    [Inject] public required WorkflowOptions Workflow { get; init; }

    [Inject] public required FigureOptions Figures { get; init; }

    protected override TimeSpan? TickInterval => TimeSpan.FromSeconds(1);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Compute(State);
    }

    protected override void OnBatch(FeedBatch<CallsSnapshot, CallChange> batch) => Compute(batch.State);

    protected override void OnTick()
    {
        if (_figures.Total.WaitingNow > 0)
        {
            _figures = DayFigures.Today(State, Workflow.Directory, Figures.TargetsOf(State), Figures.Zone, Now);
        }
    }

    private void Compute(CallsSnapshot snapshot)
    {
        _figures = DayFigures.Today(snapshot, Workflow.Directory, Figures.TargetsOf(snapshot), Figures.Zone, Now);
        _updatedAt = Now;
    }
}
