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
    public static async Task<IReadOnlyList<CallEvent>> WaitAsync(IEventLog log, EventLogStatus status, Func<IReadOnlyList<CallEvent>, bool> done, Func<bool> failed, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (failed())
            {
                return await AppliedEventsAsync(log, status) ?? [];
            }
            if (await AppliedEventsAsync(log, status) is { } events && done(events))
            {
                return events;
            }
            if (DateTime.UtcNow > deadline)
            {
                var last = await log.LastPositionAsync(CancellationToken.None);
                var seen = await AppliedEventsAsync(log, status);
                throw new TimeoutException($"{what} did not happen within 30 s (applied {status.AppliedPosition} of {last}; log: "
                    + (seen is null ? "not applied yet" : string.Join(", ", seen.Select(e => e is IncomingCallClaimed c ? "claim " + c.IncomingEventId : e.GetType().Name))) + ")");
            }
            await Task.Delay(20);
        }
    }
}
