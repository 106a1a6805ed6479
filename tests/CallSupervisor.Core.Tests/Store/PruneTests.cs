namespace CallSupervisor.Core.Tests.Store;

/// <summary>Rule 9: ended calls are removed once old enough, and the removal is published.</summary>
public sealed class PruneTests
{
    private readonly TestEvents _events = new();

    [Fact]
    public async Task PruneEnded_RemovesCallsEndedBeforeCutoff_AndPublishesRemoval()
    {
        var store = StoreTestKit.NewStore();
        store.Apply(_events.Connected(TestEvents.Call1));
        store.Apply(_events.Connected(TestEvents.Call2));
        var ended = _events.Disconnected(TestEvents.Call1);
        store.Apply(ended);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var subscription = store.Subscribe(cts.Token);

        var removed = store.PruneEnded(ended.OccurredAt.AddTicks(1));

        Assert.Equal(1, removed);
        Assert.Null(store.Current.Find(TestEvents.Call1));
        Assert.NotNull(store.Current.Find(TestEvents.Call2));
        Assert.Equal(1, store.Current.Counts.LiveCalls);
        await using var batches = subscription.Changes.GetAsyncEnumerator(cts.Token);
        Assert.True(await batches.MoveNextAsync());
        Assert.Equal<CallChange>([new CallChange(TestEvents.Call1, CallChangeKind.Removed)], batches.Current.Changes);
    }

    [Fact]
    public void PruneEnded_CallEndedAtOrAfterCutoff_IsKept()
    {
        var store = StoreTestKit.NewStore();
        store.Apply(_events.Connected());
        var ended = _events.Disconnected();
        store.Apply(ended);
        var version = store.Version;

        Assert.Equal(0, store.PruneEnded(ended.OccurredAt));
        Assert.NotNull(store.Current.Find(TestEvents.Call1));
        Assert.Equal(version, store.Version);
    }

    [Fact]
    public void PruneEnded_LiveCalls_AreNeverRemoved()
    {
        var store = StoreTestKit.NewStore();
        store.Apply(_events.Connected());

        Assert.Equal(0, store.PruneEnded(DateTimeOffset.MaxValue));
        Assert.NotNull(store.Current.Find(TestEvents.Call1));
    }
}
