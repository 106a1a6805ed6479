using System.Threading.Channels;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Workflow;

namespace CallSupervisor.Web.Calls;

/// <summary>
/// The single ordered inbox of the store: callback endpoints enqueue parsed events and answer at once; facts the
/// app learns from its own requests (the workflow's sink, the reconciler) go through the same queue, so one reader
/// applies everything in arrival order.
/// </summary>
/// <remarks>
/// Callbacks are bounded by <see cref="Capacity"/>: a batch is taken whole or refused whole
/// (<see cref="TryAccept(IReadOnlyCollection{CallEvent})"/>), and a refused batch is answered 503 so ACS and Event
/// Grid retry it later instead of the process growing without limit. The app's own facts are never refused: they
/// are few (bounded by the workflow's concurrency) and losing one would lose an invitation id or a media operation.
/// </remarks>
public sealed class CallEventQueue(int capacity, TimeProvider time) : ICallEventSink
{
    // One reader in fact, but the single-reader channel supports neither Count nor TryPeek, which the backlog needs.
    private readonly Channel<QueuedItem> _channel =
        Channel.CreateUnbounded<QueuedItem>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private int _accepted;

    /// <summary>How many callback items may wait at once.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public ChannelReader<QueuedItem> Reader => _channel.Reader;

    /// <summary>Items waiting to be applied (callbacks and the app's own facts).</summary>
    public int Depth => _channel.Reader.Count;

    /// <summary>How long the oldest waiting item has waited (zero when the queue is empty).</summary>
    public TimeSpan OldestAge =>
        _channel.Reader.TryPeek(out var oldest) ? time.GetUtcNow() - oldest.EnqueuedAt : TimeSpan.Zero;

    /// <summary>Takes a whole callback batch, or none of it when that would exceed <see cref="Capacity"/>.</summary>
    public bool TryAccept(IReadOnlyCollection<CallEvent> events) =>
        TryAccept(events.Count, () =>
        {
            foreach (var callEvent in events)
            {
                Write(new CallWorkItem.Event(callEvent), counted: true);
            }
        });

    /// <summary>Takes a whole batch of incoming calls, or none of it.</summary>
    public bool TryAccept(IReadOnlyCollection<IncomingCall> calls) =>
        TryAccept(calls.Count, () =>
        {
            foreach (var call in calls)
            {
                Write(new CallWorkItem.Incoming(call), counted: true);
            }
        });

    /// <summary>A fact the app learnt itself (never refused, see the remarks).</summary>
    public void Publish(CallEvent callEvent) => Write(new CallWorkItem.Event(callEvent), counted: false);

    /// <summary>The app answered a call: ordered with CallConnected, which may arrive before or after it.</summary>
    public void PublishAnswered(Core.Calls.CallId callId, IncomingCall incomingCall) =>
        Write(new CallWorkItem.Answered(callId, incomingCall), counted: false);

    /// <summary>Called by the reader once it has applied <paramref name="item"/>: frees its place.</summary>
    public void Done(QueuedItem item)
    {
        if (item.Counted)
        {
            Interlocked.Decrement(ref _accepted);
        }
    }

    public void Complete() => _channel.Writer.TryComplete();

    private bool TryAccept(int count, Action write)
    {
        if (count == 0)
        {
            return true;
        }
        // Reserve the places first, so two concurrent batches cannot both pass a check that only one fits.
        if (Interlocked.Add(ref _accepted, count) > Capacity)
        {
            Interlocked.Add(ref _accepted, -count);
            return false;
        }
        write();
        return true;
    }

    private void Write(CallWorkItem item, bool counted) =>
        _channel.Writer.TryWrite(new QueuedItem(item, time.GetUtcNow(), counted));
}

/// <summary>An inbox item with when it was queued (for the backlog age) and whether it holds a callback place.</summary>
public sealed record QueuedItem(CallWorkItem Item, DateTimeOffset EnqueuedAt, bool Counted);

/// <summary>One item of the inbox.</summary>
public abstract record CallWorkItem
{
    private CallWorkItem()
    {
    }

    public sealed record Event(CallEvent Value) : CallWorkItem;

    public sealed record Incoming(IncomingCall Value) : CallWorkItem;

    public sealed record Answered(Core.Calls.CallId CallId, IncomingCall Call) : CallWorkItem;
}
