using System.Threading.Channels;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Workflow;

namespace CallSupervisor.Web.Calls;

/// <summary>
/// The single ordered inbox of the store: callback endpoints enqueue parsed events and answer at once; facts
/// the app learns from its own requests (the workflow's sink) go through the same queue, so one reader
/// applies everything in arrival order. Unbounded on purpose: a callback is never refused for backpressure
/// (ACS would retry and duplicate); the backlog is visible through <see cref="Backlog"/>.
/// </summary>
public sealed class CallEventQueue : ICallEventSink
{
    private readonly Channel<CallWorkItem> _channel =
        Channel.CreateUnbounded<CallWorkItem>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    public ChannelReader<CallWorkItem> Reader => _channel.Reader;

    public int Backlog => _channel.Reader.Count;

    public void Publish(CallEvent callEvent) => _channel.Writer.TryWrite(new CallWorkItem.Event(callEvent));

    public void Publish(IncomingCall incomingCall) => _channel.Writer.TryWrite(new CallWorkItem.Incoming(incomingCall));

    /// <summary>The app answered a call: ordered with CallConnected, which may arrive before or after it.</summary>
    public void PublishAnswered(Core.Calls.CallId callId, IncomingCall incomingCall) =>
        _channel.Writer.TryWrite(new CallWorkItem.Answered(callId, incomingCall));

    public void Complete() => _channel.Writer.TryComplete();
}

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
