using CallSupervisor.Testing;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Board.EventLog;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>Reads what the event log holds, once the replica has applied all of it (events that change no call included).</summary>
internal static class LogProbe
{
    /// <summary>
    /// The events of the log once this instance has applied every record in it; null while it has not (poll again).
    /// </summary>
    public static async Task<IReadOnlyList<CallEvent>?> AppliedEventsAsync(IEventLog log, EventLogStatus status)
    {
        var last = await log.LastPositionAsync(CancellationToken.None);
        if (last is null || status.AppliedPosition != last)
        {
            return last is null ? [] : null;
        }
        var events = new List<CallEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var record in log.ReadAsync(null, timeout.Token))
        {
            events.Add(record.Event);
            if (record.Position == last)
            {
                break;
            }
        }
        return events;
    }

    /// <summary>
    /// Polls until <paramref name="done"/> holds for the applied log (or <paramref name="failed"/> says it went wrong
    /// already), for at most 30 s; returns the events at that point.
    /// </summary>
    public static async Task<IReadOnlyList<CallEvent>> WaitAsync(IEventLog log, EventLogStatus status, Func<IReadOnlyList<CallEvent>, bool> done, Func<bool> failed, string what) =>
        await Eventually.UntilAsync<IReadOnlyList<CallEvent>?>(
            () => AppliedEventsAsync(log, status),
            events => failed() || (events is not null && done(events)),
            what,
            every: TimeSpan.FromMilliseconds(20),
            describe: async seen => $"applied {status.AppliedPosition} of {await log.LastPositionAsync(CancellationToken.None)}; log: "
                + (seen is null ? "not applied yet" : string.Join(", ", seen.Select(e => e is IncomingCallClaimed c ? "claim " + c.IncomingEventId : e.GetType().Name))))
        ?? [];
}
