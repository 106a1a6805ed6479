using System.Collections.Immutable;
using CallSupervisor.Core.Events;
using CallSupervisor.Board;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Callbacks;

/// <summary>
/// Keeps far-off event times off the board. An event's time says when a call started, ended, or someone joined or went
/// on hold; an event dated more than <see cref="CallsOptions.MaxEventTimeSkew"/> before or after its receipt (a
/// replayed old event: one from 2022 made every call a 37,516-hour "long call") takes its receive time instead. Said
/// in the log once per callback, not once per event.
/// </summary>
public sealed partial class EventTimes(TimeProvider time, IOptions<CallsOptions> options, ILogger<EventTimes> logger)
{
    /// <summary>The events, those with a far-off time moved to now.</summary>
    public ImmutableArray<CallEvent> Adjust(ImmutableArray<CallEvent> events, string source)
    {
        var now = time.GetUtcNow();
        var skew = options.Value.MaxEventTimeSkew;
        ImmutableArray<CallEvent>.Builder? adjusted = null;
        CallEvent? first = null;
        var count = 0;
        for (var i = 0; i < events.Length; i++)
        {
            if (IsFarOff(events[i].OccurredAt, now, skew))
            {
                adjusted ??= events.ToBuilder();
                first ??= events[i];
                count++;
                adjusted[i] = events[i] with { OccurredAt = now };
            }
        }
        if (adjusted is null || first is null)
        {
            return events;
        }
        LogFarOff(source, count, first.GetType().Name, first.EventId, first.OccurredAt, now, skew);
        return adjusted.MoveToImmutable();
    }

    /// <summary>The incoming calls, those with a far-off time moved to now (their time becomes the answered call's start).</summary>
    public ImmutableArray<IncomingCall> Adjust(ImmutableArray<IncomingCall> calls)
    {
        var now = time.GetUtcNow();
        var skew = options.Value.MaxEventTimeSkew;
        if (!calls.Any(c => IsFarOff(c.OccurredAt, now, skew)))
        {
            return calls;
        }
        var first = calls.First(c => IsFarOff(c.OccurredAt, now, skew));
        LogFarOff("Event Grid", calls.Count(c => IsFarOff(c.OccurredAt, now, skew)), nameof(IncomingCall), first.EventId, first.OccurredAt, now, skew);
        return [.. calls.Select(c => IsFarOff(c.OccurredAt, now, skew) ? c with { OccurredAt = now } : c)];
    }

    private static bool IsFarOff(DateTimeOffset at, DateTimeOffset now, TimeSpan skew) => (at - now).Duration() > skew;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} callback: {Count} event(s) dated far from now (first: {Type} {EventId} at {At:O}, received {Now:O}; more than Calls:MaxEventTimeSkew {Skew} apart): the receive time is used instead")]
    private partial void LogFarOff(string source, int count, string type, string eventId, DateTimeOffset at, DateTimeOffset now, TimeSpan skew);
}
