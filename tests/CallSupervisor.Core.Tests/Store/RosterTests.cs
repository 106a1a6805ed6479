namespace CallSupervisor.Core.Tests.Store;

/// <summary>
/// Rule 2: rosters are last-writer-wins by sequence number and replace the participant list; rosters without one
/// (older API versions) are ordered by their event time.
/// </summary>
public sealed class RosterTests
{
    private readonly TestEvents _events = new();
    private readonly CallStore _store = StoreTestKit.NewStore();

    public RosterTests() => _store.Apply(_events.Connected());

    [Fact]
    public void Apply_NewerRoster_ReplacesParticipants()
    {
        _store.Apply(_events.Roster(1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent)));

        var outcome = _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent2)));

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        var call = _store.Call1();
        Assert.Equal(2, call.LastRosterSequence);
        Assert.Equal([TestEvents.Caller.RawId, TestEvents.Agent2.RawId], call.Participants.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    public void Apply_RosterNotNewerThanLast_IsStaleAndChangesNothing(int sequence)
    {
        _store.Apply(_events.Roster(5, TestEvents.In(TestEvents.Caller)));
        var before = _store.Call1();

        var outcome = _store.Apply(_events.Roster(sequence, TestEvents.In(TestEvents.Agent)));

        Assert.Equal(ApplyStatus.Stale, outcome.Status);
        Assert.Contains("sequence", outcome.Reason);
        Assert.Same(before, _store.Call1());
    }

    [Fact]
    public void Apply_RosterArrivingOutOfOrder_KeepsTheNewest()
    {
        _store.Apply(_events.Roster(3, TestEvents.In(TestEvents.Caller, muted: true)));
        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller, muted: false)));

        Assert.True(_store.Participant(TestEvents.Caller).IsMuted);
    }

    [Fact]
    public void Apply_Roster_KeepsJoinedAtOfParticipantsAlreadyPresent()
    {
        var first = _events.Roster(1, TestEvents.In(TestEvents.Caller));
        _store.Apply(first);

        var second = _events.Roster(2, TestEvents.In(TestEvents.Caller, onHold: true), TestEvents.In(TestEvents.Agent));
        _store.Apply(second);

        Assert.Equal(first.OccurredAt, _store.Participant(TestEvents.Caller).JoinedAt);
        Assert.True(_store.Participant(TestEvents.Caller).IsOnHold);
        Assert.Equal(second.OccurredAt, _store.Participant(TestEvents.Agent).JoinedAt);
    }

    [Fact]
    public void Apply_RosterStillUnmuted_KeepsPendingMute()
    {
        _store.Apply(_events.Roster(1, TestEvents.In(TestEvents.Agent)));
        _store.MarkMute(TestEvents.Agent, StoreTestKit.Request());

        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Agent, muted: false), TestEvents.In(TestEvents.Caller)));

        Assert.True(_store.IsMutePending(TestEvents.Agent));
    }

    [Fact]
    public void Apply_RosterShowsMuted_ClearsPendingMute()
    {
        _store.Apply(_events.Roster(1, TestEvents.In(TestEvents.Agent)));
        _store.MarkMute(TestEvents.Agent, StoreTestKit.Request());

        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Agent, muted: true)));

        Assert.True(_store.Participant(TestEvents.Agent).IsMuted);
        Assert.False(_store.IsMutePending(TestEvents.Agent));
        Assert.Equal(CallSupervisor.Core.Model.ActionResult.Confirmed, Assert.Single(_store.Call1().ActionOutcomes).Result);
    }

    [Fact]
    public void Apply_Roster_ActivitySummarisesJoinsLeavesAndMutes()
    {
        _store.Apply(_events.Roster(1, TestEvents.In(TestEvents.Caller)));

        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Agent, muted: true)));
        var text = _store.Current.Activity[0].Text;

        Assert.Contains("ACS user agent-0001…aaaaaaaa joined", text);
        Assert.Contains("+1 425-555-0123 left", text);

        _store.Apply(_events.Roster(3, TestEvents.In(TestEvents.Agent, muted: false)));
        Assert.Equal("ACS user agent-0001…aaaaaaaa unmuted", _store.Current.Activity[0].Text);
    }

    [Fact]
    public void Apply_RosterRepeatingARawId_KeepsOneEntryAndDoesNotThrow()
    {
        var outcome = _store.Apply(_events.Roster(1, TestEvents.In(TestEvents.Agent), TestEvents.In(TestEvents.Agent, muted: true)));

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        Assert.True(Assert.Single(_store.Call1().Participants).Value.IsMuted);
    }

    [Fact]
    public void Apply_RosterWithoutSequenceNumber_AppliedWhenNewerByEventTime()
    {
        _store.Apply(_events.UnsequencedRoster(null, TestEvents.In(TestEvents.Caller)));

        var outcome = _store.Apply(_events.UnsequencedRoster(null, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        var call = _store.Call1();
        Assert.Null(call.LastRosterSequence);
        Assert.Equal(_events.Now, call.LastRosterAt);
        Assert.True(_store.Participant(TestEvents.Agent).IsMuted);
    }

    [Fact]
    public void Apply_RosterWithoutSequenceNumber_OlderThanTheRosterShown_IsStale()
    {
        var newer = _events.UnsequencedRoster(null, TestEvents.In(TestEvents.Caller, muted: true));
        var older = newer with { EventId = _events.NextId(), OccurredAt = newer.OccurredAt.AddSeconds(-5), Participants = [TestEvents.In(TestEvents.Caller)] };
        _store.Apply(newer);

        var outcome = _store.Apply(older);

        Assert.Equal(ApplyStatus.Stale, outcome.Status);
        Assert.Contains("not newer than the roster shown", outcome.Reason);
        Assert.True(_store.Participant(TestEvents.Caller).IsMuted);
    }

    [Fact]
    public void Apply_RosterWithoutSequenceNumber_AfterASequencedOne_OrderedByTime_AndSequenceStillWinsBySequence()
    {
        var sequenced = _events.Roster(4, TestEvents.In(TestEvents.Caller));
        _store.Apply(sequenced);

        // Sent before the sequenced roster shown: stale. Sent after it: applied, the sequence kept.
        Assert.Equal(ApplyStatus.Stale, _store.Apply(_events.UnsequencedRoster(sequenced.OccurredAt.AddSeconds(-1), TestEvents.In(TestEvents.Agent))).Status);
        Assert.Equal(ApplyStatus.Applied, _store.Apply(_events.UnsequencedRoster(null, TestEvents.In(TestEvents.Agent))).Status);
        Assert.Equal(4, _store.Call1().LastRosterSequence);

        // A later sequence number wins whatever its time; an older one stays stale.
        Assert.Equal(ApplyStatus.Stale, _store.Apply(_events.Roster(3, TestEvents.In(TestEvents.Caller))).Status);
        var late = _events.Roster(5, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent2));
        Assert.Equal(ApplyStatus.Applied, _store.Apply(late with { OccurredAt = sequenced.OccurredAt }).Status);
        Assert.Equal([TestEvents.Caller.RawId, TestEvents.Agent2.RawId], _store.Call1().Participants.Keys.Order(StringComparer.Ordinal));
    }
}
