using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>
/// A store started from a checkpoint (through its JSON) and fed the events after it ends where a store that
/// applied everything ends: same calls, activity, counts, remembered ids, version and outcomes.
/// </summary>
public sealed class RestoreTests
{
    private static readonly IReadOnlyList<CallEvent> Events = EventLogScenario.Events();

    /// <summary>Every point of the scenario to take the checkpoint at, with generous and with tight windows.</summary>
    public static TheoryData<int, int, int> SplitPoints()
    {
        var data = new TheoryData<int, int, int>();
        for (var split = 0; split <= Events.Count; split++)
        {
            data.Add(split, 200, 10_000);
            // Activity and ids evicted before and after the checkpoint, as a busy day does.
            data.Add(split, 7, 5);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SplitPoints))]
    public void Restore_ThenTheRestOfTheEvents_EqualsApplyingThemAll(int split, int maxActivity, int maxEventIds)
    {
        var everything = EventLogScenario.NewStore(maxActivity, maxEventIds);
        var expectedOutcomes = Events.Select(everything.Apply).ToList();
        var before = EventLogScenario.NewStore(maxActivity, maxEventIds);
        foreach (var callEvent in Events.Take(split))
        {
            before.Apply(callEvent);
        }

        var restored = EventLogScenario.NewStore(maxActivity, maxEventIds, CheckpointJson.Deserialize(CheckpointJson.Serialize(before.Export())));
        // The tail is read back from its event log entries, as a restart would.
        var outcomes = Events.Skip(split).Select(e => restored.Apply(EventJson.Deserialize(EventJson.Serialize(e)))).ToList();

        Assert.Equal(expectedOutcomes.Skip(split), outcomes);
        Structural.AssertEqual(everything.Current, restored.Current);
        Assert.Equal(everything.Current.Counts, restored.Current.Counts);
        Assert.Equal(everything.Version, restored.Version);
        Assert.Equal<string>(everything.Export().SeenEventIds, restored.Export().SeenEventIds);
    }

    [Fact]
    public void Restore_RedeliveredCallback_IsStillADuplicate()
    {
        var before = EventLogScenario.NewStore();
        foreach (var callEvent in Events.Take(20))
        {
            before.Apply(callEvent);
        }
        var restored = EventLogScenario.NewStore(checkpoint: CheckpointJson.Deserialize(CheckpointJson.Serialize(before.Export())));
        var version = restored.Version;

        var redelivered = Events.Take(20).Where(e => e.Redeliverable).Select(restored.Apply).ToList();

        Assert.NotEmpty(redelivered);
        Assert.All(redelivered, outcome => Assert.Equal(ApplyStatus.Duplicate, outcome.Status));
        Assert.Equal(version, restored.Version);
    }

    [Fact]
    public void Restore_VersionContinuesFromTheCheckpoint()
    {
        var before = EventLogScenario.NewStore();
        foreach (var callEvent in Events.Take(10))
        {
            before.Apply(callEvent);
        }
        var checkpoint = before.Export();

        var restored = EventLogScenario.NewStore(checkpoint: CheckpointJson.Deserialize(CheckpointJson.Serialize(checkpoint)));
        Assert.Equal(checkpoint.Version, restored.Version);
        Assert.True(checkpoint.Version > 0);

        Assert.True(restored.Apply(new TestEvents().Connected(new("call-new")) with { EventId = "evt-new" }).IsApplied);
        Assert.Equal(checkpoint.Version + 1, restored.Version);
    }

    [Fact]
    public async Task Restore_PublishesNothing_ASubscriberStartsFromTheRestoredState()
    {
        var before = EventLogScenario.NewStore();
        foreach (var callEvent in Events)
        {
            before.Apply(callEvent);
        }
        var checkpoint = before.Export();
        var restored = EventLogScenario.NewStore(checkpoint: checkpoint);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var subscription = restored.Subscribe(cts.Token);
        Assert.Same(checkpoint.Snapshot, subscription.Initial);
        Assert.Equal(checkpoint.Version, subscription.Version);

        await using var batches = subscription.Changes.GetAsyncEnumerator(cts.Token);
        var next = batches.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);
        var callId = new Core.Identifiers.CallId("call-new");
        restored.Apply(new TestEvents().Connected(callId) with { EventId = "evt-new" });
        Assert.True(await next);
        Assert.Equal<CallChange>([new CallChange(callId, CallChangeKind.Added)], batches.Current.Changes);
        Assert.Equal(checkpoint.Version + 1, batches.Current.Version);
    }

    [Fact]
    public void Restore_SettledActionsAreNotReportedAgain()
    {
        var reported = new List<ActionOutcome>();
        var before = EventLogScenario.NewStore(outcomes: new Recorder(reported));
        foreach (var callEvent in Events)
        {
            before.Apply(callEvent);
        }
        var settled = reported.Count;

        EventLogScenario.NewStore(checkpoint: before.Export(), outcomes: new Recorder(reported));

        Assert.True(settled > 0);
        Assert.Equal(settled, reported.Count);
    }

    [Fact]
    public void Restore_IntoSmallerWindows_KeepsTheNewest()
    {
        var before = EventLogScenario.NewStore();
        foreach (var callEvent in Events)
        {
            before.Apply(callEvent);
        }
        var checkpoint = before.Export();

        var restored = EventLogScenario.NewStore(maxActivity: 3, maxEventIds: 4, checkpoint: checkpoint).Export();

        Assert.Equal(checkpoint.Snapshot.Activity.Take(3), restored.Snapshot.Activity);
        Assert.Equal<string>(checkpoint.SeenEventIds.TakeLast(4), restored.SeenEventIds);
        Assert.Equal(checkpoint.Snapshot.Counts, restored.Snapshot.Counts);
    }

    [Fact]
    public void Export_SeenIdsAreTheRedeliverableOnesOldestFirst()
    {
        var store = EventLogScenario.NewStore();
        foreach (var callEvent in Events)
        {
            store.Apply(callEvent);
        }

        var seen = store.Export().SeenEventIds;

        Assert.Equal<string>(Events.Where(e => e.Redeliverable).Select(e => e.EventId).Distinct(), seen);
    }

    [Fact]
    public void Restore_DefaultSeenIds_IsRefused()
    {
        var checkpoint = new StoreCheckpoint(CallsSnapshot.Empty, default, 0);

        Assert.Throws<ArgumentException>(() => EventLogScenario.NewStore(checkpoint: checkpoint));
    }

    private sealed class Recorder(List<ActionOutcome> into) : IActionOutcomeObserver
    {
        public void Settled(ActionOutcome outcome) => into.Add(outcome);
    }
}
