using CallSupervisor.Web.Hosting;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.ViewModels;

namespace CallSupervisor.Web.Tests.ViewModels;

/// <summary>
/// What one open live calls page keeps of the board: every page holds the same immutable board and the same shared
/// rows, so what a page holds of its own grows with the rows it shows, not with the calls on the board — at 10,000
/// calls a per-page index of every call was most of an idle circuit's memory.
/// </summary>
[Collection(MemoryMeasurements.Name)]
public sealed class LiveCallsViewMemoryTests
{
    private const int Calls = 20_000;

    [Fact]
    public void Load_ASearchThatShowsNoCall_KeepsNothingPerCallOfItsOwn()
    {
        var events = new TestEvents();
        var store = StoreTestKit.NewStore();
        for (var i = 0; i < Calls; i++)
        {
            store.Apply(events.Connected(new CallId($"call-{i:D5}")));
        }
        var board = store.Current;
        // The rows shared by every page exist before this page opens (another page made them): what is measured is
        // what this page keeps of its own.
        foreach (var call in board.Calls.Values)
        {
            _ = CallRow.Of(call);
        }
        _ = BoardRows.Of(board);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var view = new LiveCallsView(new Attention(new AttentionThresholds()), TimeSpan.FromSeconds(30))
        {
            Filter = new CallFilter(Search: "no caller is called this"),
        };
        view.Load(board, events.Now);
        var kept = GC.GetTotalMemory(forceFullCollection: true) - before;

        Assert.Empty(view.Rows);
        Assert.Equal(Calls, view.Summary.Calls);
        // An index of every call would be at least 24 B a call (480 KB); the page's own figures and lists are a few KB.
        Assert.True(kept < 64 * 1024, $"the page kept {kept:#,0} B for {Calls:#,0} calls it does not show");
        GC.KeepAlive(view);
        GC.KeepAlive(board);
    }
}

/// <summary>Tests that read the process's heap run alone, after the others: a parallel test's objects would count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}
