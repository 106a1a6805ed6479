using System.Collections.Concurrent;
using System.Diagnostics;

namespace CallSupervisor.Core.Diagnostics;

/// <summary>
/// The trace of each pending supervisor action by its operationContext, so the apply of the callback that settles it
/// (a <c>ParticipantsUpdated</c>, an <c>AddParticipantSucceeded</c>…) links to the trace that started it.
/// </summary>
/// <remarks>
/// Why a map and not the traceparent inside the operationContext: the operationContext is the action's audit id and the
/// key of its pending mark on every instance; it must not depend on whether tracing is on, and ACS echoes it back in
/// callbacks other systems may read. The action's context needs no new carrier either: the action's mark
/// (<c>ActionRequested</c>) goes through the event log with its trace context, so every instance's replica learns it
/// when it applies the mark and remembers it here, and whichever instance applies the settling callback finds it.
/// Bounded (the oldest go first): an action never settled (its call lost) does not keep an entry for ever. Filled only
/// while tracing — an empty map costs one check per settled action.
/// </remarks>
public sealed class ActionTraces(int capacity = ActionTraces.DefaultCapacity)
{
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<string, ActivityContext> _byContext = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Actions remembered now (tests).</summary>
    public int Count => _byContext.Count;

    /// <summary>Remembers the trace of the action with <paramref name="operationContext"/> (ignored without one).</summary>
    public void Remember(string operationContext, ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(operationContext);
        if (context == default || !_byContext.TryAdd(operationContext, context))
        {
            return;
        }
        _order.Enqueue(operationContext);
        // The queue holds every remembered id in order, settled ones too: trimming it bounds both.
        while (_order.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _byContext.TryRemove(oldest, out _);
        }
    }

    /// <summary>
    /// Links the current span (the apply of the settling event) to the action's trace, and forgets the action: it is
    /// settled once. False when the action's trace is not known here or nothing is being traced.
    /// </summary>
    public bool LinkSettled(string operationContext)
    {
        // No span to link when nothing is traced (IsEmpty takes every lock of the map: not asked then).
        if (Activity.Current is not { } current || _byContext.IsEmpty || !_byContext.TryRemove(operationContext, out var action))
        {
            return false;
        }
        current.AddLink(new ActivityLink(action, new ActivityTagsCollection { [TelemetryTags.OperationContext] = operationContext }));
        return true;
    }
}
