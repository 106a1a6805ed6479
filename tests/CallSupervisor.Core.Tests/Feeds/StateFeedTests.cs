using System.Collections.Immutable;
using CallSupervisor.Core.Feeds;

namespace CallSupervisor.Core.Tests.Feeds;

public sealed class StateFeedTests
{
    private static StateFeed<string, int> NewFeed() => new("s0", TimeSpan.Zero);

    private static void Publish(StateFeed<string, int> feed, string state, params int[] changes) =>
        feed.Update(_ => (state, changes.ToImmutableArray(), 0));

    [Fact]
    public void Subscribe_ReturnsCurrentStateAndVersion()
    {
        var feed = NewFeed();
        Publish(feed, "s1", 1);
        using var cts = new CancellationTokenSource();

        var subscription = feed.Subscribe(cts.Token);

        Assert.Equal("s1", subscription.Initial);
        Assert.Equal(1, subscription.Version);
    }

    [Fact]
    public async Task Changes_AfterSubscribe_AreDeliveredInOrderWithNewestState()
    {
        var feed = NewFeed();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var subscription = feed.Subscribe(cts.Token);
        Publish(feed, "s1", 1);
        Publish(feed, "s2", 2, 3);

        var received = new List<int>();
        string? last = null;
        await foreach (var batch in subscription.Changes)
        {
            received.AddRange(batch.Changes);
            last = batch.State;
            if (received.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([1, 2, 3], received);
        Assert.Equal("s2", last);
    }

    [Fact]
    public async Task Changes_QueuedBeforeReading_ArriveAsOneBatch()
    {
        var feed = NewFeed();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var subscription = feed.Subscribe(cts.Token);
        for (var i = 0; i < 50; i++)
        {
            Publish(feed, $"s{i}", i);
        }

        await using var e = subscription.Changes.GetAsyncEnumerator(cts.Token);
        Assert.True(await e.MoveNextAsync());

        Assert.Equal(50, e.Current.Changes.Length);
        Assert.Equal("s49", e.Current.State);
        Assert.Equal(50, e.Current.Version);
    }

    [Fact]
    public void Update_WithNoChanges_PublishesNothingAndKeepsState()
    {
        var feed = NewFeed();

        feed.Update(_ => ("ignored", ImmutableArray<int>.Empty, 0));

        Assert.Equal("s0", feed.Current);
        Assert.Equal(0, feed.Version);
    }

    [Fact]
    public async Task Enumeration_EndsOnCancel_AndRemovesSubscriber()
    {
        var feed = NewFeed();
        using var cts = new CancellationTokenSource();
        var subscription = feed.Subscribe(cts.Token);
        Assert.Equal(1, feed.SubscriberCount);

        var reading = Task.Run(async () =>
        {
            await foreach (var _ in subscription.Changes)
            {
            }
        });
        await cts.CancelAsync();
        await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, feed.SubscriberCount);
    }

    [Fact]
    public void Subscription_NeverEnumerated_IsRemovedWhenTokenIsCancelled()
    {
        var feed = NewFeed();
        using var cts = new CancellationTokenSource();
        _ = feed.Subscribe(cts.Token);

        cts.Cancel();

        Assert.Equal(0, feed.SubscriberCount);
    }

    [Fact]
    public async Task BatchWindow_LoneChangeAtOnce_LaterOnesCollectedForAWindowAfterTheDelivery()
    {
        var time = new ManualTimeProvider();
        var feed = new StateFeed<string, int>("s0", TimeSpan.FromMilliseconds(100), time);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var subscription = feed.Subscribe(cts.Token);
        await using var e = subscription.Changes.GetAsyncEnumerator(cts.Token);

        // Idle: delivered without waiting for any timer.
        Publish(feed, "s1", 1);
        Assert.True(await e.MoveNextAsync());
        Assert.Equal([1], e.Current.Changes.ToArray());

        // Right after a delivery: what comes within the window is collected into the next one.
        var next = e.MoveNextAsync().AsTask();
        Publish(feed, "s2", 2);
        await time.WaitForTimerAsync(cts.Token);
        Publish(feed, "s3", 3);
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(await next);
        Assert.Equal([2, 3], e.Current.Changes.ToArray());

        // Quiet for longer than the window: at once again.
        time.Advance(TimeSpan.FromMilliseconds(250));
        Publish(feed, "s4", 4);
        Assert.True(await e.MoveNextAsync());
        Assert.Equal([4], e.Current.Changes.ToArray());
    }

    [Fact]
    public async Task SubscriberWindowZero_CoalescesOnlyWhatArrivedWhileItWasBusy()
    {
        var time = new ManualTimeProvider();
        var feed = new StateFeed<string, int>("s0", TimeSpan.FromMilliseconds(100), time);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var subscription = feed.Subscribe(cts.Token, TimeSpan.Zero);
        await using var e = subscription.Changes.GetAsyncEnumerator(cts.Token);

        Publish(feed, "s1", 1);
        Assert.True(await e.MoveNextAsync());
        // The subscriber is busy with batch 1 while these two arrive; no clock needs to move for either delivery.
        Publish(feed, "s2", 2);
        Publish(feed, "s3", 3);
        Assert.True(await e.MoveNextAsync());

        Assert.Equal([2, 3], e.Current.Changes.ToArray());
    }

    [Fact]
    public void InitialVersion_IsTheFirstVersionAndUpdatesContinueFromIt()
    {
        var feed = new StateFeed<string, int>("restored", TimeSpan.Zero, initialVersion: 41);
        using var cts = new CancellationTokenSource();
        Assert.Equal(41, feed.Subscribe(cts.Token).Version);

        Publish(feed, "s1", 1);

        Assert.Equal(42, feed.Version);
    }

    [Fact]
    public void InitialVersion_Negative_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StateFeed<string, int>("s0", TimeSpan.Zero, initialVersion: -1));
    }

    [Fact]
    public async Task Read_WaitsForAnUpdateInProgress()
    {
        var feed = NewFeed();
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var updating = Task.Run(() => feed.Update(_ =>
        {
            inside.Set();
            release.Wait();
            return ("s1", ImmutableArray.Create(1), 0);
        }));
        inside.Wait();

        (string State, long Version)? seen = null;
        var reader = new Thread(() => seen = feed.Read((state, version) => (state, version)));
        reader.Start();
        // The reader blocks on the update's lock (one that did not wait would finish without ever blocking).
        Assert.True(SpinWait.SpinUntil(() => (reader.ThreadState & ThreadState.WaitSleepJoin) != 0 || !reader.IsAlive, TimeSpan.FromSeconds(10)));
        Assert.True(reader.IsAlive, "the read finished while the update held the lock");
        Assert.Null(seen);
        release.Set();

        Assert.True(reader.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal(("s1", 1L), seen);
        await updating;
    }
    [Fact]
    public async Task Changes_MadeInSampledSpans_CarryTheirTraces()
    {
        var feed = NewFeed();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var subscription = feed.Subscribe(cts.Token);
        var first = PublishIn(feed, "s1", 1);
        var second = PublishIn(feed, "s2", 2);
        Publish(feed, "s3", 3);

        await foreach (var batch in subscription.Changes)
        {
            Assert.Equal([first.SpanId, second.SpanId], batch.Traces.Select(c => c.SpanId));
            Assert.All(batch.Traces, c => Assert.True(c.TraceFlags.HasFlag(System.Diagnostics.ActivityTraceFlags.Recorded)));
            break;
        }
    }

    [Fact]
    public async Task Changes_WithoutSpan_CarryNoTraces()
    {
        var feed = NewFeed();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var subscription = feed.Subscribe(cts.Token);
        Publish(feed, "s1", 1);
        using (new System.Diagnostics.Activity("unsampled").Start())
        {
            Publish(feed, "s2", 2);
        }

        await foreach (var batch in subscription.Changes)
        {
            Assert.True(batch.Traces.IsDefault);
            break;
        }
    }

    // Published inside a sampled span of the test's own (current on this flow only; no listener needed).
    private static System.Diagnostics.ActivityContext PublishIn(StateFeed<string, int> feed, string state, int change)
    {
        using var span = new System.Diagnostics.Activity("apply") { ActivityTraceFlags = System.Diagnostics.ActivityTraceFlags.Recorded }.Start();
        Publish(feed, state, change);
        return span.Context;
    }
}
