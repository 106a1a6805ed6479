using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Web.Callbacks;

/// <summary>
/// Says in the log that a call's rosters come without <c>sequenceNumber</c> (an older ACS API version) and are ordered
/// by their event time instead: once per call, not for every roster. Remembers the calls it told about in a bounded
/// window, so memory stays bounded however many calls go by.
/// </summary>
public sealed partial class UnsequencedRosters(ILogger<UnsequencedRosters> logger)
{
    private const int Remembered = 4096;
    private readonly HashSet<CallId> _told = [];
    private readonly Queue<CallId> _order = new();
    private readonly Lock _lock = new();

    public void Notice(ImmutableArray<CallEvent> events)
    {
        foreach (var e in events)
        {
            if (e is ParticipantsUpdated { SequenceNumber: null } roster && FirstTime(roster.CallId))
            {
                LogUnsequenced(roster.CallId, roster.EventId);
            }
        }
    }

    private bool FirstTime(CallId callId)
    {
        lock (_lock)
        {
            if (!_told.Add(callId))
            {
                return false;
            }
            _order.Enqueue(callId);
            if (_order.Count > Remembered)
            {
                _told.Remove(_order.Dequeue());
            }
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ParticipantsUpdated for call {CallId} has no sequenceNumber (first: event {EventId}; an older ACS API version?): its rosters are ordered by event time instead. Said once per call")]
    private partial void LogUnsequenced(CallId callId, string eventId);
}
