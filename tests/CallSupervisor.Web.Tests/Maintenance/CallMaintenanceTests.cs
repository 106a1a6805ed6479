using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Tests;
using CallSupervisor.Core.Tests.Actions;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Board;
using CallSupervisor.Board.Maintenance;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallSupervisor.Web.Tests.Maintenance;

/// <summary>
/// One maintenance pass over a fake ACS: which calls are re-read and when, and what the pass queues — corrections,
/// closures of calls ACS no longer knows, and expiries of what ACS left without an outcome.
/// </summary>
public sealed class CallMaintenanceTests
{
    private static readonly CallsOptions Options = new()
    {
        ReconcileInterval = TimeSpan.FromSeconds(30),
        InvitationGrace = TimeSpan.FromSeconds(15),
        MediaTimeout = TimeSpan.FromMinutes(10),
        EndedRetention = TimeSpan.FromHours(1),
    };

    private readonly ManualTimeProvider _time = new();
    private readonly TestEvents _events = new();
    private readonly FakeCallAutomationPort _acs = new();
    private readonly FakeGraphCallsPort _graph = new();
    private readonly RecordingSink _queue = new();
    private readonly ReconcileSchedule _schedule = new();
    private readonly CallStore _store;
    private readonly CallMaintenance _maintenance;

    public CallMaintenanceTests()
    {
        _store = StoreTestKit.NewStore(_time).WithConnectedCall(_events);
        _maintenance = new CallMaintenance(_store, new StorePruning(_store), _acs, _graph, _queue, _schedule, new CallSupervisor.Board.Replication.SingleInstanceLeadership(), Microsoft.Extensions.Options.Options.Create(Options), _time, NullLogger<CallMaintenance>.Instance);
        _acs.Calls[TestEvents.Call1] = TelephonyResult<CallDetails>.Ok(new CallDetails(TestEvents.Call1, "s", "c", CallState.Connected, TestEvents.Caller, []));
        _acs.Rosters[TestEvents.Call1] = [TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)];
    }

    private List<CallEvent> Drain() => _queue.Drain();

    /// <summary>What maintenance publishes (to the event log in the app).</summary>
    private sealed class RecordingSink : CallSupervisor.Core.Workflow.ICallEventSink
    {
        private readonly List<CallEvent> _events = [];

        public void Publish(CallEvent callEvent)
        {
            lock (_events)
            {
                _events.Add(callEvent);
            }
        }

        public List<CallEvent> Drain()
        {
            lock (_events)
            {
                var all = _events.ToList();
                _events.Clear();
                return all;
            }
        }
    }

    private int Reads => _acs.Requests.Count(r => r.StartsWith("getCall ", StringComparison.Ordinal));

    [Fact]
    public async Task RunOnce_NewCall_ReReadAtOnceWithTheObservedRosterSequence()
    {
        await _maintenance.RunOnceAsync(CancellationToken.None);

        var reconciled = Assert.IsType<CallReconciled>(Assert.Single(Drain()));
        Assert.Equal(1, reconciled.ObservedRosterSequence);
        Assert.True(reconciled.Participants.Single(p => p.Identifier == TestEvents.Agent).IsMuted);
        Assert.Equal(["getCall call-1", "listParticipants call-1"], _acs.Requests);
    }

    [Fact]
    public async Task RunOnce_NotTheLeadingInstance_NeitherReadsNorExpires()
    {
        var follower = new CallMaintenance(_store, new StorePruning(_store), _acs, _graph, _queue, _schedule, new NotLeading(), Microsoft.Extensions.Options.Options.Create(Options), _time, NullLogger<CallMaintenance>.Instance);
        _store.Apply(_events.Invite());
        _time.Advance(TimeSpan.FromMinutes(20));

        await follower.RunOnceAsync(CancellationToken.None);

        Assert.Empty(_acs.Requests);
        Assert.Empty(Drain());
    }

    private sealed class NotLeading : CallSupervisor.Board.Replication.ILeadership
    {
        public bool IsLeader => false;
    }

    [Fact]
    public async Task RunOnce_CheckedWithinTheInterval_NotReadAgainUntilDue()
    {
        await _maintenance.RunOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(29));
        await _maintenance.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, Reads);

        _time.Advance(TimeSpan.FromSeconds(1));
        await _maintenance.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, Reads);
    }

    [Fact]
    public async Task RunOnce_ReconcileRequested_ReadAtTheNextPassWhateverTheInterval()
    {
        await _maintenance.RunOnceAsync(CancellationToken.None);

        _schedule.RequestReconcile(TestEvents.Call1);
        await _maintenance.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, Reads);
    }

    [Fact]
    public async Task RunOnce_AcsNoLongerKnowsTheCall_QueuesItsEnd()
    {
        _acs.Calls.Clear();

        await _maintenance.RunOnceAsync(CancellationToken.None);

        var ended = Assert.IsType<CallDisconnected>(Assert.Single(Drain()));
        Assert.Equal(new ResultInfo(404, 8522, "ACS no longer knows this call"), ended.Result);
        _store.Apply(ended);
        Assert.Equal(CallState.Disconnected, _store.Call1().State);
    }

    [Fact]
    public async Task RunOnce_EndedCalls_AreNotRead()
    {
        _store.Apply(_events.Disconnected());

        await _maintenance.RunOnceAsync(CancellationToken.None);

        Assert.Empty(_acs.Requests);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task RunOnce_GraphCall_ReReadFromGraphNotAcs()
    {
        _store.Apply(_events.Disconnected());
        _store.Apply(_events.Connected(TestEvents.Call2, CallPlatform.Graph));
        _graph.Calls[TestEvents.Call2] = TelephonyResult<CallDetails>.Ok(new CallDetails(TestEvents.Call2, null, "chain", CallState.Connected, TestEvents.Caller, []));
        _graph.Rosters[TestEvents.Call2] = [TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent), TestEvents.In(TestEvents.Agent2)];

        await _maintenance.RunOnceAsync(CancellationToken.None);

        Assert.Empty(_acs.Requests);
        Assert.Equal(["getGraphCall call-2", "listGraphParticipants call-2"], _graph.Requests);
        var reconciled = Assert.IsType<CallReconciled>(Assert.Single(Drain()));
        Assert.Equal(3, reconciled.Participants.Length);
    }

    [Fact]
    public async Task RunOnce_GraphNoLongerKnowsTheCall_QueuesItsEnd()
    {
        _store.Apply(_events.Disconnected());
        _store.Apply(_events.Connected(TestEvents.Call2, CallPlatform.Graph));

        await _maintenance.RunOnceAsync(CancellationToken.None);

        var ended = Assert.IsType<CallDisconnected>(Assert.Single(Drain()));
        Assert.Equal(TestEvents.Call2, ended.CallId);
        Assert.Equal("Graph no longer knows this call", ended.Result?.Message);
    }

    [Fact]
    public async Task RunOnce_TicksWithTimerJitterForAMinute_EachCallReadOncePerInterval()
    {
        // Ticks every 5 s; the first fires a little late, the later ones on time: a read must not slip a whole tick.
        var readAtTick = new List<int>();
        _time.Advance(TimeSpan.FromMilliseconds(40));
        for (var tick = 0; tick <= 12; tick++)
        {
            var before = Reads;
            await _maintenance.RunOnceAsync(CancellationToken.None);
            if (Reads > before)
            {
                readAtTick.Add(tick);
            }
            _time.Advance(tick == 0 ? TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(40) : TimeSpan.FromSeconds(5));
        }

        // Every 30 s (6 ticks), two requests each: 4 requests per live call per minute at the default interval.
        Assert.Equal([0, 6, 12], readAtTick);
        Assert.Equal(6, _acs.Requests.Count);
    }

    [Fact]
    public async Task RunOnce_Throttled120s_NoCallReReadUntilTheRetryAfterPassesThenOneProbeFirst()
    {
        var throttled = TelephonyResult<CallDetails>.Fail(new TelephonyError(429, "TooManyRequests", "slow down") { RetryAfter = TimeSpan.FromSeconds(120) });
        var healthy = _acs.Calls[TestEvents.Call1];
        _acs.Calls[TestEvents.Call1] = throttled;
        await _maintenance.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, Reads);

        // Four more calls arrive while ACS throttles, and every interval passes several times over for call-1.
        var others = Enumerable.Range(2, 4).Select(i => new CallId($"call-{i}")).ToList();
        foreach (var call in others)
        {
            _store.Apply(_events.Connected(call));
            _acs.Calls[call] = throttled;
        }
        for (var waited = 5; waited < 120; waited += 5)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await _maintenance.RunOnceAsync(CancellationToken.None);
        }
        Assert.Equal(1, Reads);

        // The gate opens: one probe, throttled again, closes it for another 120 s.
        _time.Advance(TimeSpan.FromSeconds(5));
        await _maintenance.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, Reads);
        _time.Advance(TimeSpan.FromSeconds(60));
        await _maintenance.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, Reads);

        // ACS recovers: after the probe gets through, every call is read.
        foreach (var call in others.Append(TestEvents.Call1))
        {
            _acs.Calls[call] = healthy with { Value = healthy.Value! with { CallId = call } };
            _acs.Rosters[call] = [TestEvents.In(TestEvents.Caller)];
        }
        _time.Advance(TimeSpan.FromSeconds(60));
        await _maintenance.RunOnceAsync(CancellationToken.None);

        Assert.Equal(7, Reads);
        Assert.Equal(5, Drain().OfType<CallReconciled>().Count());
    }

    [Fact]
    public async Task RunOnce_ThrottledWithoutRetryAfter_BacksOffForEveryCall()
    {
        _acs.Calls[TestEvents.Call1] = TelephonyResult<CallDetails>.Fail(new TelephonyError(503, "ServiceUnavailable", "busy"));
        _store.Apply(_events.Connected(TestEvents.Call2));
        await _maintenance.RunOnceAsync(CancellationToken.None);
        var afterFirstPass = Reads;

        _time.Advance(ReconcileThrottle.FirstBackoff - TimeSpan.FromSeconds(1));
        await _maintenance.RunOnceAsync(CancellationToken.None);

        Assert.Equal(afterFirstPass, Reads);
    }

    [Fact]
    public async Task RunOnce_InvitationPastTimeoutAndGrace_QueuesItsExpiryOnce()
    {
        _store.Apply(_events.Invite(target: TestEvents.Agent2));
        var invitation = _store.Invitation();
        _time.Advance(invitation.ExpiresAt + Options.InvitationGrace - _time.GetUtcNow());
        await _maintenance.RunOnceAsync(CancellationToken.None);
        Assert.DoesNotContain(Drain(), e => e is InvitationExpired);

        _time.Advance(TimeSpan.FromSeconds(1));
        await _maintenance.RunOnceAsync(CancellationToken.None);

        var expired = Assert.IsType<InvitationExpired>(Assert.Single(Drain(), e => e is InvitationExpired));
        Assert.Equal(ApplyStatus.Applied, _store.Apply(expired).Status);
        Assert.Equal(InvitationStatus.TimedOut, _store.Invitation().Status);
    }

    [Fact]
    public async Task RunOnce_ListenWhoseInvitationStillRingsPastTheConfirmationTimeout_NotExpiredEveryTick()
    {
        var endpoint = CommunicationIdentifier.FromRawId("8:acs:supervisor-sam");
        var request = new SupervisorRequest("Sam Supervisor", _time.GetUtcNow(), "supervisor-listen:1", "oid-sam");
        var listen = new PendingAction(ActionKind.Listen, endpoint.RawId, request);
        Assert.Equal(ApplyStatus.Applied, _store.Apply(new ActionRequested("action:listen", TestEvents.Call1, _time.GetUtcNow(), listen)).Status);
        _store.Apply(new InvitationRequested("invited:listen", TestEvents.Call1, _time.GetUtcNow(), new InvitationId("inv-listen"), endpoint, request.OperationContext, TimeSpan.FromMinutes(3)));
        _time.Advance(Options.ConfirmationTimeout + TimeSpan.FromSeconds(1));

        await _maintenance.RunOnceAsync(CancellationToken.None);

        Assert.DoesNotContain(Drain(), e => e is ActionExpired);
    }

    [Fact]
    public async Task RunOnce_LoopedHoldMusicPastTheMediaTimeout_NotExpired()
    {
        _store.Apply(_events.MediaStarted() with { Looped = true });
        _time.Advance(_store.Media().StartedAt!.Value + Options.MediaTimeout + TimeSpan.FromSeconds(1) - _time.GetUtcNow());

        await _maintenance.RunOnceAsync(CancellationToken.None);

        Assert.DoesNotContain(Drain(), e => e is MediaExpired);
    }

    [Fact]
    public async Task RunOnce_MediaPastTheMediaTimeout_QueuesItsExpiry()
    {
        _store.Apply(_events.MediaStarted());
        _time.Advance(_store.Media().StartedAt!.Value + Options.MediaTimeout + TimeSpan.FromSeconds(1) - _time.GetUtcNow());

        await _maintenance.RunOnceAsync(CancellationToken.None);

        var expired = Assert.IsType<MediaExpired>(Assert.Single(Drain(), e => e is MediaExpired));
        Assert.Equal(new MediaOperationId("play-1"), expired.OperationId);
    }

    // In the app the replica prunes its store; here the store is the board.
    private sealed class StorePruning(CallStore store) : CallSupervisor.Board.Replication.IEndedCallPruning
    {
        public int PruneEnded(DateTimeOffset olderThan) => store.PruneEnded(olderThan);
    }
}
