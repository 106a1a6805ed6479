using CallSupervisor.Core.Tests;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Hubs;

namespace CallSupervisor.Web.Tests.Hubs;

/// <summary>The hub's snapshot in parts: live calls first, at most a part's size each, one version and the full counts.</summary>
public sealed class SnapshotPartsTests
{
    [Fact]
    public void Parts_LiveCallsFirst_BoundedAndWhole()
    {
        var store = new CallStore(new ManualTimeProvider(), new CallStoreOptions(TimeSpan.Zero));
        var events = new TestEvents();
        for (var i = 0; i < 5; i++)
        {
            store.Apply(events.Connected(new CallId($"call-{i}")));
        }
        store.Apply(events.Disconnected(new CallId("call-0")));

        var parts = store.Current.ToDtoParts(42, partSize: 2).ToList();

        Assert.Equal([1, 2, 3], parts.Select(p => p.Part));
        Assert.All(parts, p => Assert.Equal(3, p.Parts));
        Assert.All(parts, p => Assert.Equal(42, p.Version));
        Assert.All(parts, p => Assert.Equal(4, p.Counts.LiveCalls));
        Assert.All(parts, p => Assert.True(p.Calls.Count <= 2));
        var order = parts.SelectMany(p => p.Calls).ToList();
        Assert.Equal(5, order.Select(c => c.CallId).Distinct().Count());
        Assert.Equal("call-0", order[^1].CallId);
        Assert.All(order.Take(4), c => Assert.Equal("Connected", c.State));
    }

    [Fact]
    public void Parts_EmptyBoard_OnePartWithNoCalls()
    {
        var parts = new CallStore(new ManualTimeProvider(), new CallStoreOptions(TimeSpan.Zero)).Current.ToDtoParts(0, partSize: 500).ToList();

        var only = Assert.Single(parts);
        Assert.Empty(only.Calls);
        Assert.Equal((1, 1), (only.Part, only.Parts));
    }
}
