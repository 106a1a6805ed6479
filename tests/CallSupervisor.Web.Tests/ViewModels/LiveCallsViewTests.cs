using System.Collections.Immutable;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.ViewModels;

namespace CallSupervisor.Web.Tests.ViewModels;

/// <summary>
/// The page's view model across batches: a change that moves nothing (a mute) is replaced where it stands, a change
/// that can move a call (an invitation ringing, a hang-up) orders the board again, a frozen view keeps its order.
/// </summary>
public sealed class LiveCallsViewTests
{
    private readonly TestEvents _events = new();
    private readonly CallStore _store = StoreTestKit.NewStore();
    private readonly LiveCallsView _view = new(new Attention(new AttentionThresholds()), TimeSpan.FromSeconds(30));

    public LiveCallsViewTests()
    {
        // Call 1 connected first, so "oldest first" shows it on top.
        _store.WithConnectedCall(_events);
        _store.Apply(_events.Connected(TestEvents.Call2));
        _store.Apply(_events.RosterFor(TestEvents.Call2, 1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent2)));
        _view.Filter = new CallFilter(Order: CallOrder.OldestFirst);
        _view.Load(_store.Current, _events.Now);
    }

    [Fact]
    public void AMute_ReplacesTheRowWhereItStands_InANewList()
    {
        var shown = _view.Rows;

        _store.Apply(_events.RosterFor(TestEvents.Call2, 2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent2, muted: true)));
        _view.Apply(Batch(TestEvents.Call2), _events.Now);

        Assert.NotSame(shown, _view.Rows);
        Assert.Equal([TestEvents.Call1, TestEvents.Call2], _view.Rows.Select(r => r.CallId));
        Assert.Equal([0, 1], _view.Rows.Select(r => r.Muted));
        Assert.Equal(0, shown[1].Muted);
    }

    [Fact]
    public void ABatchNamingACallTwice_ReplacesItsRowOnce()
    {
        // A batch joins the changes made while the page waited for its browser: a mute and then a second roster.
        _store.Apply(_events.RosterFor(TestEvents.Call2, 2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent2, muted: true)));
        _store.Apply(_events.RosterFor(TestEvents.Call2, 3, TestEvents.In(TestEvents.Caller, muted: true), TestEvents.In(TestEvents.Agent2, muted: true)));
        var twice = new FeedBatch<CallsSnapshot, CallChange>(0, _store.Current, ImmutableArray.Create(
            new CallChange(TestEvents.Call2, CallChangeKind.Updated), new CallChange(TestEvents.Call2, CallChangeKind.Updated)));

        _view.Apply(twice, _events.Now);

        Assert.Equal([TestEvents.Call1, TestEvents.Call2], _view.Rows.Select(r => r.CallId));
        Assert.Equal([0, 2], _view.Rows.Select(r => r.Muted));
    }

    [Fact]
    public void AChangeThatCanMoveTheCall_OrdersTheBoardAgain()
    {
        _view.Filter = new CallFilter(Order: CallOrder.NeedsAttentionFirst);
        _view.Refresh(_events.Now, force: true);
        Assert.Equal([TestEvents.Call1, TestEvents.Call2], _view.Rows.Select(r => r.CallId));

        // An invitation ringing on call 2 puts it first (ringing calls sort before the others).
        _store.Apply(_events.Invite(callId: TestEvents.Call2, target: TestEvents.Agent));
        _view.Apply(Batch(TestEvents.Call2), _events.Now);

        Assert.Equal([TestEvents.Call2, TestEvents.Call1], _view.Rows.Select(r => r.CallId));
    }

    [Fact]
    public void AMuteThenAMove_BothShow()
    {
        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller, muted: true), TestEvents.In(TestEvents.Agent)));
        _view.Apply(Batch(TestEvents.Call1), _events.Now);
        _store.Apply(_events.Disconnected());
        _view.Apply(Batch(TestEvents.Call1), _events.Now);

        // Ended calls stay a moment, below every live one; the mute made before the hang-up is kept.
        Assert.Equal([TestEvents.Call1, TestEvents.Call2], _view.Rows.Select(r => r.CallId));
        Assert.False(_view.Rows[0].IsLive);
        Assert.Equal(1, _view.Rows[0].Muted);
        Assert.Equal(1, _view.Summary.Calls);
    }

    [Fact]
    public void Frozen_AMuteUpdatesInPlace_ANewCallWaits()
    {
        _view.Frozen = true;
        _store.Apply(_events.RosterFor(TestEvents.Call2, 2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent2, muted: true)));
        _view.Apply(Batch(TestEvents.Call2), _events.Now);
        var call3 = new Core.Identifiers.CallId("call-3");
        _store.Apply(_events.Connected(call3));
        _view.Apply(Batch(call3), _events.Now);

        Assert.Equal([TestEvents.Call1, TestEvents.Call2], _view.Rows.Select(r => r.CallId));
        Assert.Equal(1, _view.Rows[1].Muted);
        Assert.Equal([call3], _view.Held);
    }

    [Fact]
    public void SamePlaceAs_IsFalseForEveryFieldTheOrderOrTheFiltersRead()
    {
        var row = _view.Rows[0];

        Assert.True(row.SamePlaceAs(row with { Muted = 2, Participants = 5, PendingInvitations = row.PendingInvitations + 0, State = Core.Identifiers.CallState.Connected }));
        Assert.False(row.SamePlaceAs(row with { State = Core.Identifiers.CallState.Disconnected }));
        Assert.False(row.SamePlaceAs(row with { StartedAt = row.StartedAt.AddSeconds(1) }));
        Assert.False(row.SamePlaceAs(row with { EndedAt = row.StartedAt }));
        Assert.False(row.SamePlaceAs(row with { RingingSince = row.StartedAt }));
        Assert.False(row.SamePlaceAs(row with { OnHoldSince = row.StartedAt }));
        Assert.False(row.SamePlaceAs(row with { PendingInvitations = 1 }));
        Assert.False(row.SamePlaceAs(row with { RunningMedia = 1 }));
        Assert.False(row.SamePlaceAs(row with { Caller = "Someone else" }));
        Assert.False(row.SamePlaceAs(row with { Agent = "Another agent" }));
        Assert.False(row.SamePlaceAs(row with { SearchText = row.SearchText + " new participant" }));
    }

    [Fact]
    public void TwoPages_ShareEachCallsRow_UntilTheCallChanges()
    {
        var other = new LiveCallsView(new Attention(new AttentionThresholds()), TimeSpan.FromSeconds(30));
        other.Load(_store.Current, _events.Now);

        Assert.Same(_view.Rows[1], other.Rows[1]);

        _store.Apply(_events.RosterFor(TestEvents.Call2, 2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent2, muted: true)));
        var before = _view.Rows[1];
        _view.Apply(Batch(TestEvents.Call2), _events.Now);
        other.Apply(Batch(TestEvents.Call2), _events.Now);

        Assert.NotSame(before, _view.Rows[1]);
        Assert.Same(_view.Rows[1], other.Rows[1]);
        Assert.Equal(1, other.Rows[1].Muted);
    }

    private FeedBatch<CallsSnapshot, CallChange> Batch(Core.Identifiers.CallId callId) =>
        new(0, _store.Current, ImmutableArray.Create(new CallChange(callId, CallChangeKind.Updated)));
}
