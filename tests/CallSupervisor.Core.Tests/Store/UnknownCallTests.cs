namespace CallSupervisor.Core.Tests.Store;

/// <summary>Rule 6: events for unknown calls create a placeholder needing reconciliation (see ReconcileTests).</summary>
public sealed class UnknownCallTests
{
    private static readonly TestEvents Maker = new();
    private readonly TestEvents _events = new();
    private readonly ManualTimeProvider _time = new();
    private readonly CallStore _store;

    public UnknownCallTests() => _store = StoreTestKit.NewStore(_time);

    public static TheoryData<CallEvent> EventsOtherThanConnect() =>
    [
        Maker.Roster(4, TestEvents.In(TestEvents.Agent)),
        Maker.Invite(),
        Maker.AddSucceeded(),
        Maker.AddFailed(),
        Maker.CancelSucceeded(),
        Maker.CancelFailed(),
        Maker.MediaStarted(),
        Maker.MediaEnded(),
    ];

    [Theory]
    [MemberData(nameof(EventsOtherThanConnect))]
    public void Apply_EventForUnknownCall_CreatesUnknownCallNeedingReconcile(CallEvent callEvent)
    {
        var outcome = _store.Apply(callEvent);

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        var call = _store.Call1();
        Assert.Equal(CallState.Unknown, call.State);
        Assert.True(call.NeedsReconcile);
        Assert.Contains(_store.Current.Activity, a => a.Text.Contains("details need reconciling", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_RosterForUnknownCall_KeepsTheRoster()
    {
        _store.Apply(_events.Roster(4, TestEvents.In(TestEvents.Agent)));

        Assert.Equal(4, _store.Call1().LastRosterSequence);
        Assert.Single(_store.Call1().Participants);
    }

    [Fact]
    public void Apply_CallConnectedAfterPlaceholder_FillsDetailsWithoutLosingWhatWasLearnt()
    {
        var roster = _events.Roster(4, TestEvents.In(TestEvents.Agent));
        _store.Apply(roster);
        _store.Apply(_events.MediaStarted());

        _store.Apply(_events.Connected(platform: CallPlatform.Graph));

        var call = _store.Call1();
        Assert.Equal(CallState.Connected, call.State);
        Assert.Equal(CallPlatform.Graph, call.Platform);
        Assert.Equal("server-call-1", call.ServerCallId);
        Assert.Equal(TestEvents.Caller, call.Caller);
        Assert.False(call.NeedsReconcile);
        Assert.Equal(4, call.LastRosterSequence);
        Assert.Single(call.Participants);
        Assert.Single(call.MediaOperations);
        Assert.Equal(roster.OccurredAt, call.StartedAt);
    }

    [Fact]
    public void Apply_CallDisconnectedForUnknownCall_RecordsAnEndedCall()
    {
        _store.Apply(_events.Disconnected());

        var call = _store.Call1();
        Assert.Equal(CallState.Disconnected, call.State);
        Assert.False(call.NeedsReconcile);
        Assert.Equal(0, _store.Current.Counts.LiveCalls);
    }
}
