using System.Diagnostics;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Board.EventLog;

/// <summary>
/// The event log as registered: each append is timed on <c>callsupervisor.event_log.append.duration</c> whichever log
/// it is (SQLite or Redis) and whoever appends (callbacks, actions, the app's own facts). Reads pass through, and a log
/// that can be probed (<see cref="IEventLogProbe"/>) still can.
/// </summary>
internal class MeasuredEventLog(IEventLog inner, CallSupervisorMetrics metrics) : IEventLog
{
    public static IEventLog Wrap(IEventLog inner, CallSupervisorMetrics metrics) =>
        inner is IEventLogProbe probe ? new Probed(inner, probe, metrics) : new MeasuredEventLog(inner, metrics);

    public async Task<string> AppendAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        if (!metrics.LogAppendEnabled)
        {
            return await inner.AppendAsync(events, cancellationToken).ConfigureAwait(false);
        }
        var start = Stopwatch.GetTimestamp();
        var position = await inner.AppendAsync(events, cancellationToken).ConfigureAwait(false);
        metrics.LogAppended(start);
        return position;
    }

    public IAsyncEnumerable<LogRecord> ReadAsync(string? after, CancellationToken cancellationToken) => inner.ReadAsync(after, cancellationToken);

    public Task<string?> LastPositionAsync(CancellationToken cancellationToken) => inner.LastPositionAsync(cancellationToken);

    private sealed class Probed(IEventLog inner, IEventLogProbe probe, CallSupervisorMetrics metrics) : MeasuredEventLog(inner, metrics), IEventLogProbe
    {
        public Task ProbeAsync(CancellationToken cancellationToken) => probe.ProbeAsync(cancellationToken);
    }
}
