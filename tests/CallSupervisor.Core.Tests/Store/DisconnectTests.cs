namespace CallSupervisor.Core.Tests.Store;

/// <summary>Rule 7: CallDisconnected closes everything of the call, and later events for it are ignored.</summary>
public sealed class DisconnectTests
{
    private static readonly TestEvents Maker = new();
    private readonly TestEvents _events = new();
    private readonly CallStore _store;

    public DisconnectTests() => _store = StoreTestKit.NewStore().WithConnectedCall(_events);

    [Fact]
    public void Apply_CallDisconnected_ClosesInvitationsMediaAndPendingMutes()
    {
        _store.Apply(_events.Invite("inv-pending", "add-1"));
        _store.Apply(_events.Invite("inv-cancelling", "add-2"));
        _store.Apply(_events.Invite("inv-accepted", "add-3"));
        _store.Apply(_events.AddSucceeded("add-3"));
        _store.MarkCancel("inv-cancelling", StoreTestKit.Request());
        _store.Apply(_events.MediaStarted("running"));
        _store.Apply(_events.MediaStarted("done"));
        _store.Apply(_events.MediaEnded("done"));
        _store.MarkMute(TestEvents.Agent, StoreTestKit.Request());
        var disconnected = _events.Disconnected(result: new ResultInfo(0, 0, "hung up"));

        var outcome = _store.Apply(disconnected);

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        var call = _store.Call1();
        Assert.Equal(CallState.Disconnected, call.State);
        Assert.Equal(disconnected.OccurredAt, call.EndedAt);
        Assert.Equal("hung up", call.EndResult?.Message);
        Assert.Equal(InvitationStatus.Cancelled, _store.Invitation("inv-pending").Status);
        Assert.Equal(InvitationStatus.Cancelled, _store.Invitation("inv-cancelling").Status);
        Assert.Equal(InvitationStatus.Accepted, _store.Invitation("inv-accepted").Status);
        Assert.Equal(MediaStatus.Cancelled, _store.Media("running").Status);
        Assert.Equal(MediaStatus.Completed, _store.Media("done").Status);
        Assert.False(_store.IsMutePending(TestEvents.Agent));
        Assert.Equal(default, _store.Current.Counts);
        Assert.Contains("2 open invitation(s) closed, 1 media operation(s) cancelled", _store.Current.Activity[0].Text);
    }

    public static TheoryData<CallEvent> LateEvents() =>
    [
        Maker.Connected(),
        Maker.Disconnected(),
        Maker.Roster(99, TestEvents.In(TestEvents.Agent2)),
        Maker.Invite("inv-late", "add-late"),
        Maker.AddSucceeded("add-1"),
        Maker.CancelFailed(),
        Maker.MediaStarted("late"),
        Maker.MediaEnded("play-1", MediaStatus.Completed),
    ];

    [Theory]
    [MemberData(nameof(LateEvents))]
    public void Apply_EventAfterDisconnect_IsIgnored(CallEvent late)
    {
        _store.Apply(_events.Invite("inv-1", "add-1"));
        _store.Apply(_events.MediaStarted());
        _store.Apply(_events.Disconnected());
        var before = _store.Call1();
        var version = _store.Version;

        var outcome = _store.Apply(late);

        Assert.Equal(ApplyStatus.Ignored, outcome.Status);
        Assert.Contains("has ended", outcome.Reason);
        Assert.Same(before, _store.Call1());
        Assert.Equal(version, _store.Version);
    }

    [Fact]
    public void Apply_DuplicateAfterDisconnect_ReportsDuplicate()
    {
        var disconnected = _events.Disconnected();
        _store.Apply(disconnected);

        Assert.Equal(ApplyStatus.Duplicate, _store.Apply(disconnected).Status);
    }
}
