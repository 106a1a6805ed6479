using System.Diagnostics.Metrics;
using CallSupervisor.Board.Replication;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Store;
using CallSupervisor.Web.Figures;
using M = CallSupervisor.Core.Diagnostics.CallSupervisorMetrics;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// The gauges read when a listener collects (an exporter's interval, the Operations page): the inbox on its way into
/// the event log, and the contact center's figures now — callers waiting and the longest wait per queue, agents by
/// state. The figures are the board's shared ones (<see cref="SharedDayFigures"/>, computed at most about once a second
/// for every page and push), so a collection costs no computation of its own.
/// </summary>
internal sealed class OperationalGauges(
    CallSupervisorMetrics metrics, EventPipeline pipeline, ICallsFeed store, SharedDayFigures figures, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var meter = metrics.Meter;
        meter.CreateObservableGauge(M.InboxDepthName, () => (long)pipeline.Depth, "{event}",
            "Callback events being appended to the event log, plus the app's own events waiting for it.");
        meter.CreateObservableGauge(M.InboxAgeName, () => pipeline.OldestAge.TotalSeconds, "s",
            "How long the oldest of the app's own events has waited for the event log.");
        meter.CreateObservableGauge(M.QueueWaitingName, () => Queues(q => (long)q.WaitingNow), "{caller}",
            "Callers waiting now, by queue.");
        meter.CreateObservableGauge(M.QueueLongestWaitName, () => Queues(q => (q.LongestWaitNow ?? TimeSpan.Zero).TotalSeconds), "s",
            "The longest wait of a caller waiting now, by queue.");
        meter.CreateObservableGauge(M.AgentsName, Agents, "{agent}", "Agents by state now.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private TodayFigures Today() => figures.For(store.Current, time.GetUtcNow());

    private IEnumerable<Measurement<T>> Queues<T>(Func<QueueToday, T> value)
        where T : struct =>
        Today().Queues.Select(q => new Measurement<T>(value(q), new KeyValuePair<string, object?>(M.QueueTag, q.QueueId ?? q.Name)));

    private IEnumerable<Measurement<long>> Agents()
    {
        var agents = Today().Total.Agents;
        return
        [
            State("available", agents.Available), State("offered", agents.Offered), State("on_call", agents.OnCall),
            State("wrap_up", agents.WrapUp), State("away", agents.Away), State("offline", agents.Offline),
        ];
    }

    private static Measurement<long> State(string state, int count) => new(count, new KeyValuePair<string, object?>(M.AgentStateTag, state));
}
