namespace CallSupervisor.Core.Tests.Store;

/// <summary>Publication through the feed: per-call changes, batching, and the aggregate counts.</summary>
public sealed class SubscriptionTests
{
    private readonly TestEvents _events = new();

    [Fact]
    public async Task Subscribe_AppliedEvents_DeliverOneChangePerEventNamingTheCall()
    {
        var store = StoreTestKit.NewStore();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var subscription = store.Subscribe(cts.Token);
        Assert.Same(CallsSnapshot.Empty, subscription.Initial);

        var connected = _events.Connected();
        store.Apply(connected);
        store.Apply(connected);
        store.Apply(_events.Connected(TestEvents.Call2));
        store.Apply(_events.MediaStarted());

        await using var batches = subscription.Changes.GetAsyncEnumerator(cts.Token);
        Assert.True(await batches.MoveNextAsync());
        Assert.Equal<CallChange>(
            [
                new CallChange(TestEvents.Call1, CallChangeKind.Added),
                new CallChange(TestEvents.Call2, CallChangeKind.Added),
                new CallChange(TestEvents.Call1, CallChangeKind.Updated),
            ],
            batches.Current.Changes);
        Assert.Same(store.Current, batches.Current.State);
        Assert.Equal(3, batches.Current.Version);
    }

    [Fact]
    public async Task Subscribe_WithBatchWindow_CollectsABurstIntoOneDelivery()
    {
        var time = new ManualTimeProvider();
        var store = new CallStore(time, new CallStoreOptions(TimeSpan.FromMilliseconds(100)));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var subscription = store.Subscribe(cts.Token);
        await using var batches = subscription.Changes.GetAsyncEnumerator(cts.Token);

        // The first change goes out at once; the burst right behind it comes as one delivery a window later.
        store.Apply(_events.Connected());
        Assert.True(await batches.MoveNextAsync());
        var next = batches.MoveNextAsync().AsTask();
        store.Apply(_events.Roster(1, TestEvents.In(TestEvents.Agent)));
        await time.WaitForTimerAsync(cts.Token);
        store.Apply(_events.MediaStarted());
        store.Apply(_events.MediaStarted("play-2"));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True(await next);
        Assert.Equal(3, batches.Current.Changes.Length);
    }

    [Fact]
    public async Task Subscribe_Cancelled_RemovesTheSubscriber()
    {
        var store = StoreTestKit.NewStore();
        using var cts = new CancellationTokenSource();
        var subscription = store.Subscribe(cts.Token);
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in subscription.Changes)
            {
            }
        });
        Assert.Equal(1, store.SubscriberCount);

        await cts.CancelAsync();
        await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, store.SubscriberCount);
    }

    [Fact]
    public void Counts_AfterMixedEvents_EqualACountFromScratch()
    {
        var store = StoreTestKit.NewStore();
        store.Apply(_events.Connected(TestEvents.Call1));
        store.Apply(_events.Connected(TestEvents.Call2));
        store.Apply(_events.Roster(1, TestEvents.In(TestEvents.Agent), TestEvents.In(TestEvents.Caller)));
        store.Apply(_events.RosterFor(TestEvents.Call2, 1, TestEvents.In(TestEvents.Agent2)));
        store.Apply(_events.Invite("inv-1", "add-1"));
        store.Apply(_events.Invite("inv-2", "add-2"));
        store.Apply(_events.AddSucceeded("add-2"));
        store.Apply(_events.MediaStarted("a"));
        store.Apply(_events.MediaStarted("b", callId: TestEvents.Call2));
        store.MarkCancelMedia(StoreTestKit.Request(), TestEvents.Call2);

        Assert.Equal(new CallCounts(2, 3, 1, 2, CallsWaiting: 0, CallsOnHold: 0, CallsWithMedia: 2), store.Current.Counts);

        store.Apply(_events.Disconnected(TestEvents.Call2));
        Assert.Equal(new CallCounts(1, 2, 1, 1, CallsWaiting: 0, CallsOnHold: 0, CallsWithMedia: 1), store.Current.Counts);
        Assert.Equal(
            store.Current.Calls.Values.Aggregate(default(CallCounts), (sum, call) => sum + call.Counts),
            store.Current.Counts);
    }
}
