using System.Diagnostics;
using CallSupervisor.Core.Diagnostics;

namespace CallSupervisor.Core.Tests.Diagnostics;

public sealed class ActionTracesTests
{
    private static ActivityContext NewContext() =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    // A span of the test's own, current on this flow only (no listener needed).
    private static Activity StartApply() => new Activity("board.apply") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();

    [Fact]
    public void LinkSettled_RememberedAction_LinksTheCurrentSpanToItsTrace()
    {
        var traces = new ActionTraces();
        var action = NewContext();
        traces.Remember("mute:1", action);
        using var apply = StartApply();

        var linked = traces.LinkSettled("mute:1");

        Assert.True(linked);
        var link = Assert.Single(apply.Links);
        Assert.Equal(action.TraceId, link.Context.TraceId);
        Assert.Equal(action.SpanId, link.Context.SpanId);
        Assert.Equal(0, traces.Count);
    }

    [Fact]
    public void LinkSettled_Twice_LinksOnce()
    {
        var traces = new ActionTraces();
        traces.Remember("mute:1", NewContext());
        using var apply = StartApply();

        traces.LinkSettled("mute:1");
        var again = traces.LinkSettled("mute:1");

        Assert.False(again);
        Assert.Single(apply.Links);
    }

    [Fact]
    public void LinkSettled_UnknownAction_AddsNoLink()
    {
        var traces = new ActionTraces();
        traces.Remember("mute:1", NewContext());
        using var apply = StartApply();

        Assert.False(traces.LinkSettled("mute:2"));
        Assert.Empty(apply.Links);
    }

    [Fact]
    public void Remember_WithoutTrace_KeepsNothing()
    {
        var traces = new ActionTraces();

        traces.Remember("mute:1", default);

        Assert.Equal(0, traces.Count);
    }

    [Fact]
    public void Remember_PastCapacity_ForgetsTheOldest()
    {
        var traces = new ActionTraces(capacity: 2);
        traces.Remember("a", NewContext());
        traces.Remember("b", NewContext());
        traces.Remember("c", NewContext());
        using var apply = StartApply();

        Assert.Equal(2, traces.Count);
        Assert.False(traces.LinkSettled("a"));
        Assert.True(traces.LinkSettled("c"));
    }

    [Fact]
    public void Remember_ManySettled_StaysBounded()
    {
        var traces = new ActionTraces(capacity: 4);
        using var apply = StartApply();
        for (var i = 0; i < 100; i++)
        {
            traces.Remember("a" + i, NewContext());
            traces.LinkSettled("a" + i);
        }
        traces.Remember("last", NewContext());

        Assert.Equal(1, traces.Count);
        Assert.True(traces.LinkSettled("last"));
    }
}
