using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.ViewModels;

namespace CallSupervisor.Web.Tests.ViewModels;

/// <summary>The board's Agent column, summary and attention for queued callers, and the Agents page's rows and figures.</summary>
public sealed class ContactCenterViewModelTests
{
    private static readonly CallId A = new("call-a");
    private static readonly CallId B = new("call-b");
    private static readonly CallId C = new("call-c");
    private readonly TestEvents _events = new();
    private readonly CallStore _store = StoreTestKit.NewStore();
    private readonly Attention _attention = new(new AttentionThresholds(), queues: true);

    private CallRow Row(CallId id) => CallRow.From(_store.Current.Find(id)!);

    private List<CallRow> Rows => [.. _store.Current.Calls.Values.Select(CallRow.From)];

    private QueueLine Line => QueueLine.From(Rows, TestDirectory.Center);

    [Fact]
    public void AgentText_QueuedCallers_WaitInTheirQueueWithTheirPlace()
    {
        _store.Queued(_events, A, "sales");
        _store.Queued(_events, B, "support");
        _store.Queued(_events, C, "sales");
        var now = _events.Now.AddSeconds(40);

        Assert.Equal("Waiting in Sales 0:42 · #1", Line.AgentText(Row(A), now));
        Assert.Equal("Waiting in Support 0:41 · #1", Line.AgentText(Row(B), now));
        Assert.Equal("Waiting in Sales 0:40 · #2", Line.AgentText(Row(C), now));
    }

    [Fact]
    public void QueueLine_OfferedCallerHasNoPlace_TheOthersMoveUp()
    {
        _store.Queued(_events, A, "sales");
        _store.Queued(_events, B, "sales");
        _store.Offered(_events, A, "ana", TestEvents.Agent, "Ana Lima", "offer-1");

        Assert.Null(Line.PositionOf(A));
        Assert.Equal(1, Line.PositionOf(B));
    }

    [Fact]
    public void LiveCallsView_OfferPlanned_PlacesBehindMoveUpInTheSameBatch()
    {
        _store.Queued(_events, A, "sales");
        _store.Queued(_events, B, "sales");
        var view = new LiveCallsView(_attention, TimeSpan.FromSeconds(30), TestDirectory.Center);
        view.Load(_store.Current, _events.Now);
        Assert.Equal(2, view.Queues.PositionOf(B));

        // Planned only (ACS has not answered yet): nothing else of the row changes.
        // (To Ben: the test calls' callee is Ana's identity, whose name would change the row's search text.)
        _store.Apply(new OfferPlanned(_events.NextId(), A, _events.Now, "ben", TestEvents.Agent2, "offer-1") { AgentName = "Ben Okafor" });
        view.Apply(new Core.Feeds.FeedBatch<CallsSnapshot, CallChange>(1, _store.Current, [new CallChange(A, CallChangeKind.Updated), CallChange.Agents]), _events.Now);

        Assert.Equal(1, view.Queues.PositionOf(B));
        Assert.Equal(2, view.Rows.Count);
    }

    [Fact]
    public void AgentText_Offered_SaysToWhomAndHowLongItRings()
    {
        _store.Queued(_events, A, "sales");
        _store.Offered(_events, A, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        var ringing = _events.Now;

        Assert.Equal("Offered to Ana Lima (ringing 0:12)", Line.AgentText(Row(A), ringing.AddSeconds(12)));
    }

    [Fact]
    public void AgentText_Answered_NamesTheAgent()
    {
        _store.Queued(_events, A, "sales");
        _store.Offered(_events, A, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        _store.Answered(_events, A, "offer-1");

        Assert.Equal("Ana Lima", Line.AgentText(Row(A), _events.Now));
        Assert.Null(Row(A).WaitingSince);
    }

    [Fact]
    public void AgentText_InMenu_SaysSoAndIsNotAlone()
    {
        _store.InMenu(_events, A);

        Assert.Equal("In menu", Line.AgentText(Row(A), _events.Now));
        Assert.Equal(AttentionReason.None, _attention.Of(Row(A), _events.Now.AddMinutes(1)));
    }

    [Fact]
    public void Attention_CallerWithNobody_MarkedAfterTheThreshold()
    {
        _store.Apply(_events.Connected(A));
        var started = _store.Current.Find(A)!.StartedAt;

        Assert.Null(Line.AgentText(Row(A), started));
        Assert.Equal(AttentionReason.None, _attention.Of(Row(A), started + new AttentionThresholds().Alone));
        Assert.Equal(AttentionReason.Alone, _attention.Of(Row(A), started.AddSeconds(11)));
        Assert.Equal("No agent or queue 0:11", Attention.Describe(AttentionReason.Alone, Row(A), started.AddSeconds(11)));
        // Without queues nothing routes calls: a call is only watched, and nobody is expected with the caller.
        Assert.Equal(AttentionReason.None, new Attention(new AttentionThresholds()).Of(Row(A), started.AddMinutes(1)));
    }

    [Fact]
    public void Attention_QueuedCaller_IsNotAlone()
    {
        _store.Queued(_events, A, "sales");

        Assert.Equal(AttentionReason.None, _attention.Of(Row(A), _events.Now.AddMinutes(2)));
    }

    [Fact]
    public void Summary_CountsEveryQueuedCallerPerQueueAndTheLongestWait()
    {
        _store.Queued(_events, A, "sales");
        var first = _events.Now;
        _store.Queued(_events, B, "support");
        _store.Queued(_events, C, "sales");
        _store.Offered(_events, C, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        var now = _events.Now.AddSeconds(30);

        var summary = BoardSummary.From(Rows, now, _attention, TestDirectory.Center);

        Assert.Equal(3, summary.Waiting);
        Assert.Equal(now - first, summary.LongestWait);
        Assert.Equal<QueueWaiting>([new QueueWaiting("sales", "Sales", 2), new QueueWaiting("support", "Support", 1)], summary.ByQueue);
    }

    [Fact]
    public void AgentRows_EveryAgentOfTheDirectory_UnheardOfOffline()
    {
        _store.Presence(_events, "ana", AgentPresence.Available);
        _store.Presence(_events, "ben", AgentPresence.Away, "Break");
        _store.Queued(_events, A, "sales");
        _store.Offered(_events, A, "ana", TestEvents.Agent, "Ana Lima", "offer-1");

        var rows = AgentRow.All(TestDirectory.Center, _store.Current, _events.Now);

        Assert.Equal(["Ana Lima", "Ben Okafor", "Cleo Park"], rows.Select(r => r.Name));
        Assert.Equal([AgentState.Offered, AgentState.Away, AgentState.Offline], rows.Select(r => r.State));
        Assert.Equal(A, rows[0].OfferedCallId);
        Assert.Equal("Break", rows[1].Reason);
        Assert.Null(rows[2].Since);
    }

    [Fact]
    public void AgentRows_NextDay_CountersStartAgain()
    {
        _store.Presence(_events, "ana", AgentPresence.Available);
        _store.Queued(_events, A, "sales");
        _store.Offered(_events, A, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        _store.Answered(_events, A, "offer-1");
        _store.Apply(_events.Disconnected(A));

        Assert.Equal(1, AgentRow.All(TestDirectory.Center, _store.Current, _events.Now)[0].HandledToday);
        Assert.Equal(0, AgentRow.All(TestDirectory.Center, _store.Current, _events.Now.AddDays(1))[0].HandledToday);
    }

    [Fact]
    public void AgentsView_FiltersByQueueAndStateAndCountsEveryAgentByState()
    {
        _store.Presence(_events, "ana", AgentPresence.Available);
        _store.Presence(_events, "ben", AgentPresence.Available);
        _store.Presence(_events, "cleo", AgentPresence.Away, "Lunch");
        var view = new AgentsView(TestDirectory.Center);
        view.Load(_store.Current, _events.Now);

        view.Filter = new AgentFilter(QueueId: "support");
        view.Refresh();
        Assert.Equal(["ana", "cleo"], view.Rows.Select(r => r.AgentId));

        view.Filter = new AgentFilter(QueueId: "support", State: AgentState.Available);
        view.Refresh();
        Assert.Equal(["ana"], view.Rows.Select(r => r.AgentId));
        Assert.Equal(2, view.CountsByState[AgentState.Available]);
        Assert.Equal(1, view.CountsByState[AgentState.Away]);
        Assert.Equal(0, view.CountsByState[AgentState.Offline]);
    }

    [Fact]
    public void QueueFigures_WaitingLongestAndAgentsPerQueue()
    {
        _store.Presence(_events, "ana", AgentPresence.Available);
        _store.Presence(_events, "cleo", AgentPresence.Away, "Lunch");
        _store.Queued(_events, A, "sales");
        var first = _events.Now;
        _store.Queued(_events, B, "sales");
        _store.Offered(_events, B, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        var view = new AgentsView(TestDirectory.Center);
        view.Load(_store.Current, _events.Now);

        Assert.Equal(
            [new QueueFigures("sales", "Sales", 2, first, 0, 1, 0), new QueueFigures("support", "Support", 0, null, 0, 1, 1)],
            view.Queues);
    }
}
