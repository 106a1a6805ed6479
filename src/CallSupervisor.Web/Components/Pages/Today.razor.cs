using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Web.ViewModels.Figures;
using Microsoft.AspNetCore.Components;

namespace CallSupervisor.Web.Components.Pages;

/// <summary>
/// The day so far, per queue and in total, with its charts and each agent's day. The figures are computed from the
/// board's push (never polled); the 1 s tick only moves the clock and the longest wait, and recomputes while callers
/// wait (the service level counts a caller waiting past the target against it the moment they pass it).
/// </summary>
public partial class Today
{
    private TodayFigures _figures = null!;
    private ChartModel _calls = null!;
    private ChartModel _serviceLevel = null!;
    private ChartModel _queueLength = null!;
    private ChartModel _agentStates = null!;

    [Inject] public required WorkflowOptions Workflow { get; init; }

    [Inject] public required FigureOptions Figures { get; init; }

    [Inject] public required CallSupervisor.Web.Figures.SharedDayFigures Shared { get; init; }

    protected override TimeSpan? TickInterval => TimeSpan.FromSeconds(1);

    private TimeZoneInfo Zone => Figures.Zone;

    private TimeSpan SinceComputed => Now - _figures.Now;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Compute(State);
    }

    protected override void OnBatch(FeedBatch<CallsSnapshot, CallChange> batch) => Compute(batch.State);

    // Every second: the waits grow with the clock, and a batch may have been shown with the figures of a board a moment
    // older (shared between pages, SharedDayFigures): this brings them up to the board. Shared, so cheap.
    protected override void OnTick() => Compute(State);

    private void Compute(CallsSnapshot snapshot)
    {
        _figures = Shared.For(snapshot, Now);
        _calls = TodayCharts.Calls(_figures, null, Zone);
        _serviceLevel = TodayCharts.ServiceLevel(_figures, null, _figures.Total.Targets, Zone);
        _queueLength = TodayCharts.QueueLength(_figures, [.. _figures.Queues.Select(q => (q.QueueId ?? "", q.Name))], Zone);
        _agentStates = TodayCharts.AgentStates(_figures, Zone);
    }
}
