namespace CallSupervisor.Core.Tests.Store;

/// <summary>Rule 1: an event id is applied at most once (within a bounded FIFO window).</summary>
public sealed class DeduplicationTests
{
    private readonly TestEvents _events = new();

    [Fact]
    public void Apply_SameEventIdTwice_AppliesOnceAndReportsDuplicate()
    {
        var store = StoreTestKit.NewStore();
        var connected = _events.Connected();

        var first = store.Apply(connected);
        var version = store.Version;
        var activity = store.Current.Activity.Count;
        var second = store.Apply(connected);

        Assert.Equal(ApplyStatus.Applied, first.Status);
        Assert.Equal(ApplyStatus.Duplicate, second.Status);
        Assert.Equal(version, store.Version);
        Assert.Equal(activity, store.Current.Activity.Count);
    }

    [Fact]
    public void Apply_RedeliveredMediaStart_DoesNotChangeTheOperationTwice()
    {
        var store = StoreTestKit.NewStore().WithConnectedCall(_events);
        var started = _events.MediaStarted();
        store.Apply(started);
        store.Apply(_events.MediaEnded());

        var outcome = store.Apply(started);

        Assert.Equal(ApplyStatus.Duplicate, outcome.Status);
        Assert.Equal(Core.Identifiers.MediaStatus.Completed, store.Media().Status);
    }

    [Fact]
    public void Apply_RedeliveredIgnoredEvent_ReportsDuplicate()
    {
        var store = StoreTestKit.NewStore().WithConnectedCall(_events);
        var withoutContext = _events.AddSucceeded(operationContext: null);

        Assert.Equal(ApplyStatus.Ignored, store.Apply(withoutContext).Status);
        Assert.Equal(ApplyStatus.Duplicate, store.Apply(withoutContext).Status);
    }

    [Fact]
    public void Apply_EventIdEvictedFromWindow_IsEvaluatedAgain()
    {
        var store = StoreTestKit.NewStore(maxEventIds: 2);
        var connected = _events.Connected();
        store.Apply(connected);
        store.Apply(_events.MediaStarted("a"));
        store.Apply(_events.MediaStarted("b"));

        var outcome = store.Apply(connected);

        // Evicted ids are no longer recognised; the rules still keep the state sane (a repeated connect only refills details).
        Assert.NotEqual(ApplyStatus.Duplicate, outcome.Status);
        Assert.Equal(Core.Identifiers.CallState.Connected, store.Call1().State);
    }

    [Fact]
    public void SeenEventIds_AddPastCapacity_EvictsOldestFirst()
    {
        var seen = new SeenEventIds(3);

        foreach (var id in new[] { "a", "b", "c", "d", "b" })
        {
            seen.Add(id);
        }

        Assert.False(seen.Contains("a"));
        Assert.True(seen.Contains("b"));
        Assert.True(seen.Contains("c"));
        Assert.True(seen.Contains("d"));
        Assert.Equal(3, seen.Count);
    }

    private static Events.IncomingCall Incoming(string eventId, string context) => new(
        eventId, DateTimeOffset.UnixEpoch, context, TestEvents.Caller, TestEvents.Agent, "server-1", "correlation-1", null);

    [Fact]
    public void Apply_ClaimOfTheSameIncomingCallContext_AppliesOnce_WhateverItsEventId()
    {
        var store = StoreTestKit.NewStore();

        var first = store.Apply(Events.IncomingCallClaimed.For(Incoming("eg-1", "context-1"), _events.Now));
        var redelivered = store.Apply(Events.IncomingCallClaimed.For(Incoming("eg-1", "context-1"), _events.Now));
        var newEventId = store.Apply(Events.IncomingCallClaimed.For(Incoming("eg-2", "context-1"), _events.Now));
        var otherCall = store.Apply(Events.IncomingCallClaimed.For(Incoming("eg-3", "context-2"), _events.Now));

        Assert.Equal(ApplyStatus.Applied, first.Status);
        Assert.Equal(ApplyStatus.Duplicate, redelivered.Status);
        Assert.Equal(ApplyStatus.Duplicate, newEventId.Status);
        Assert.Equal(ApplyStatus.Applied, otherCall.Status);
        // A claim puts nothing on the board.
        Assert.Empty(store.Current.Calls);
        Assert.Equal(0, store.Version);
    }

    [Fact]
    public void Apply_ClaimAfterARestoreFromACheckpoint_IsStillADuplicate()
    {
        var store = StoreTestKit.NewStore();
        store.Apply(Events.IncomingCallClaimed.For(Incoming("eg-1", "context-1"), _events.Now));

        var restored = new CallStore(TimeProvider.System, checkpoint: Core.EventLog.CheckpointJson.Deserialize(Core.EventLog.CheckpointJson.Serialize(store.Export())));

        Assert.Equal(ApplyStatus.Duplicate, restored.Apply(Events.IncomingCallClaimed.For(Incoming("eg-9", "context-1"), _events.Now)).Status);
    }
}
