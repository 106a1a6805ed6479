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

    [Inject] public required CallSupervisor.Web.Figures.SharedDayFigures Shared { get; init; }

    protected override TimeSpan? TickInterval => TimeSpan.FromSeconds(1);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Compute(State);
    }

    protected override void OnBatch(FeedBatch<CallsSnapshot, CallChange> batch) => Compute(batch.State);

    // Every second: the waits grow with the clock, and a batch may have been shown with the figures of a board a moment
    // older (shared between pages, SharedDayFigures): this brings them up to the board. Shared, so cheap.
    protected override void OnTick() => _figures = Shared.For(State, Now);

    private void Compute(CallsSnapshot snapshot)
    {
        _figures = Shared.For(snapshot, Now);
        _updatedAt = Now;
    }
}
