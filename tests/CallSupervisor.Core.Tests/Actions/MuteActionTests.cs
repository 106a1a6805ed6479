using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>Mute through the one executor: validate before HTTP, mark pending, refuse double-fire, revert on error.</summary>
public sealed class ActionExecutorTests : IDisposable
{
    private static readonly TelephonyError Forbidden = new(403, "Forbidden", "The participant cannot be muted");
    private readonly TestEvents _events = new();
    private readonly ManualTimeProvider _time = new();
    private readonly FakeCallAutomationPort _acs = new();
    private readonly FakeGraphCallsPort _graph = new();
    private readonly InMemoryAuditTrail _audit = new();
    private readonly CallStore _store;
    private readonly ActionExecutor _service;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    public ActionExecutorTests()
    {
        _store = StoreTestKit.NewStore(_time).WithConnectedCall(_events);
        _service = new ActionExecutor(_store, new StoreApplier(_store), new ActionPorts(_acs, _graph), _time, _audit);
    }

    private static ActionRequest MuteAgent(string supervisor = "alice") => ActionRequest.Mute(TestEvents.Call1, TestEvents.Agent.RawId, StoreTestKit.As(supervisor));

    public void Dispose() => _timeout.Dispose();
    [Fact]
    public async Task ExecuteMute_Allowed_SendsMuteWithSupervisorContextAndMarksPending()
    {
        var outcome = await _service.ExecuteAsync(MuteAgent(), _timeout.Token);

        Assert.Equal(ReceiptStatus.Accepted, outcome.Status);
        Assert.Contains("waiting for ACS to confirm", outcome.Message);
        var request = Assert.Single(_acs.Requests);
        Assert.StartsWith($"mute call-1 {TestEvents.Agent.RawId} supervisor-mute:", request);
        var pending = _store.Call1().PendingFor(ActionKind.Mute, TestEvents.Agent.RawId)?.Request;
        Assert.NotNull(pending);
        Assert.Equal("alice", pending.Supervisor);
        Assert.Equal(_time.GetUtcNow(), pending.RequestedAt);
        Assert.EndsWith(pending.OperationContext, request);
    }

    [Fact]
    public async Task ExecuteMute_ThenRosterShowsMuted_ConfirmsTheMute()
    {
        var sent = await _service.ExecuteAsync(MuteAgent(), _timeout.Token);

        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        Assert.True(_store.Participant(TestEvents.Agent).IsMuted);
        Assert.False(_store.IsMutePending(TestEvents.Agent));
        var outcome = _store.Call1().OutcomeOf(sent.OperationContext!);
        Assert.Equal(ActionResult.Confirmed, outcome?.Result);
        Assert.Equal("alice", outcome?.Request.Supervisor);
    }

    [Fact]
    public async Task ExecuteMute_ParticipantLeavesBeforeTheRosterShowsIt_SettledAsOvertakenWithAnEntry()
    {
        var sent = await _service.ExecuteAsync(MuteAgent(), _timeout.Token);

        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller)));

        Assert.False(_store.IsMutePending(TestEvents.Agent));
        Assert.Equal(ActionResult.Overtaken, _store.Call1().OutcomeOf(sent.OperationContext!)?.Result);
        var entry = _store.Current.Activity[0];
        Assert.Equal("ACS user agent-0001…aaaaaaaa left before the mute took effect", entry.Text);
        Assert.Equal("alice", entry.Supervisor);
    }

    [Fact]
    public async Task ExecuteMute_PhoneParticipant_IsRefusedWithoutHttp()
    {
        var outcome = await _service.ExecuteAsync(ActionRequest.Mute(TestEvents.Call1, TestEvents.Caller.RawId, StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ReceiptStatus.Refused, outcome.Status);
        Assert.Equal(MuteAction.CannotMuteKind, outcome.Message);
        Assert.Empty(_acs.Requests);
    }

    [Theory]
    [InlineData("call-1", "8:acs:stranger", "The participant is not in the call")]
    [InlineData("call-9", "8:acs:stranger", "Call call-9 is not on the dashboard")]
    public async Task ExecuteMute_UnknownTarget_IsRefusedWithoutHttp(string callId, string rawId, string reason)
    {
        var outcome = await _service.ExecuteAsync(ActionRequest.Mute(new CallId(callId), rawId, StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ActionReceipt.Refused(reason), outcome);
        Assert.Empty(_acs.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task ExecuteMute_WithoutSignedInUser_IsForbidden(string supervisor)
    {
        var outcome = await _service.ExecuteAsync(MuteAgent(supervisor), _timeout.Token);

        Assert.Equal(ReceiptStatus.Forbidden, outcome.Status);
        Assert.Empty(_acs.Requests);
    }

    [Fact]
    public async Task ExecuteMute_Observer_ForbiddenNothingSentNothingMarkedAndAudited()
    {
        var observer = StoreTestKit.As("olivia", SupervisorRoles.Observer);

        var outcome = await _service.ExecuteAsync(ActionRequest.Mute(TestEvents.Call1, TestEvents.Agent.RawId, observer), _timeout.Token);

        Assert.Equal(ReceiptStatus.Forbidden, outcome.Status);
        Assert.Equal("Your role (Observer) may watch calls but not act on them", outcome.Message);
        Assert.Empty(_acs.Requests);
        Assert.Empty(_store.Call1().PendingActions);
        var entry = Assert.Single(_audit.Entries);
        Assert.Equal(AuditStatus.Refused, entry.Status);
        Assert.Equal(("oid-olivia", "olivia", "Observer"), (entry.Record.ActorId, entry.Record.ActorName, entry.Record.ActorRole));
        Assert.Equal(outcome.Message, entry.Record.Detail);
    }

    [Fact]
    public async Task ExecuteMute_Accepted_AuditedUnderTheOperationContextThenConfirmedByTheRoster()
    {
        var store = StoreTestKit.NewStore(_time, outcomes: new AuditOutcomeObserver(_audit)).WithConnectedCall(_events);
        var service = new ActionExecutor(store, new StoreApplier(store), new ActionPorts(_acs, _graph), _time, _audit);

        var outcome = await service.ExecuteAsync(MuteAgent(), _timeout.Token);
        var entry = Assert.Single(_audit.Entries);
        Assert.Equal(outcome.OperationContext, entry.Record.AuditId);
        Assert.Equal((ActionKind.Mute, "call-1", TestEvents.Agent.RawId), (entry.Record.Action, entry.Record.CallId, entry.Record.Target));
        Assert.Equal(AuditStatus.Accepted, entry.Status);

        store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        entry = Assert.Single(_audit.Entries);
        Assert.Equal(AuditStatus.Confirmed, entry.Status);
        Assert.Equal([AuditStatus.Accepted, AuditStatus.Confirmed], entry.Updates.Select(u => u.Status));
    }

    [Fact]
    public async Task ExecuteMute_AcsRefuses_AuditedAsFailedWithTheServiceCode()
    {
        var store = StoreTestKit.NewStore(_time, outcomes: new AuditOutcomeObserver(_audit)).WithConnectedCall(_events);
        var service = new ActionExecutor(store, new StoreApplier(store), new ActionPorts(_acs, _graph), _time, _audit);
        _acs.Result = TelephonyResult<Unit>.Fail(Forbidden);

        await service.ExecuteAsync(MuteAgent(), _timeout.Token);

        var entry = Assert.Single(_audit.Entries);
        Assert.Equal(AuditStatus.Failed, entry.Status);
        Assert.Equal(Forbidden.Code, entry.Updates[0].ErrorCode);
    }

    [Fact]
    public async Task ExecuteMute_AuditUnavailable_NothingSentAndTheMarkIsUndone()
    {
        _audit.FailWith = new IOException("disk full");

        var outcome = await _service.ExecuteAsync(MuteAgent(), _timeout.Token);

        Assert.Equal(ReceiptStatus.Failed, outcome.Status);
        Assert.Equal("AuditUnavailable", outcome.Error!.Code);
        Assert.Empty(_acs.Requests);
        Assert.Empty(_store.Call1().PendingActions);
    }

    [Fact]
    public async Task ExecuteMute_ObserverWhileTheAuditTrailCannotWrite_StillAReadableRefusal_LoggedAndCounted()
    {
        var log = new RecordingActionLog();
        var service = new ActionExecutor(_store, new StoreApplier(_store), new ActionPorts(_acs, _graph), _time, _audit, log: log);
        _audit.FailWith = new IOException("No space left on device");

        var outcome = await service.ExecuteAsync(ActionRequest.Mute(TestEvents.Call1, TestEvents.Agent.RawId, StoreTestKit.As("olivia", SupervisorRoles.Observer)), _timeout.Token);

        Assert.Equal(ActionReceipt.Forbidden("Your role (Observer) may watch calls but not act on them"), outcome);
        Assert.Equal(1, service.UnauditedRefusals);
        Assert.IsType<IOException>(Assert.Single(log.Unaudited).Exception);
        Assert.Empty(_acs.Requests);
    }

    [Fact]
    public async Task ExecuteMute_UnavailableWhileTheAuditTrailCannotWrite_StillAReadableRefusal()
    {
        var service = new ActionExecutor(_store, new StoreApplier(_store), new ActionPorts(_acs, _graph), _time, _audit);
        _audit.FailWith = new IOException("No space left on device");

        var outcome = await service.ExecuteAsync(ActionRequest.Mute(TestEvents.Call1, TestEvents.Caller.RawId, StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ActionReceipt.Refused(MuteAction.CannotMuteKind), outcome);
        Assert.Equal(1, service.UnauditedRefusals);
        Assert.Empty(_acs.Requests);
    }

    [Fact]
    public async Task ExecuteMute_SecondWhileFirstInFlight_IsRefusedWithoutSecondRequest()
    {
        _acs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _service.ExecuteAsync(MuteAgent("alice"), _timeout.Token);
        await _acs.Sent.Task.WaitAsync(_timeout.Token);
        Assert.True(_store.IsMutePending(TestEvents.Agent));

        var second = await _service.ExecuteAsync(MuteAgent("bob"), _timeout.Token);
        _acs.Gate.SetResult();

        Assert.Equal(ReceiptStatus.Refused, second.Status);
        Assert.Contains("already requested by alice", second.Message);
        Assert.Equal(ReceiptStatus.Accepted, (await first).Status);
        Assert.Single(_acs.Requests);
    }

    [Fact]
    public async Task ExecuteMute_PortError_RevertsPendingAndReturnsTheError()
    {
        _acs.Result = TelephonyResult<Unit>.Fail(Forbidden);

        var outcome = await _service.ExecuteAsync(MuteAgent(), _timeout.Token);

        Assert.Equal(ReceiptStatus.Failed, outcome.Status);
        Assert.Equal(Forbidden, outcome.Error);
        Assert.Contains("Forbidden (403): The participant cannot be muted", outcome.Message);
        Assert.False(_store.IsMutePending(TestEvents.Agent));
        var entry = _store.Current.Activity[0];
        Assert.Equal(ActivitySeverity.Error, entry.Severity);
        Assert.Equal("alice", entry.Supervisor);
        Assert.Contains("Forbidden (403): The participant cannot be muted", entry.Text);
    }

    [Fact]
    public async Task ExecuteMute_AfterFailure_CanBeRetried()
    {
        _acs.Result = TelephonyResult<Unit>.Fail(Forbidden);
        await _service.ExecuteAsync(MuteAgent(), _timeout.Token);
        _acs.Result = TelephonyResult<Unit>.Ok(Unit.Value);

        var retry = await _service.ExecuteAsync(MuteAgent(), _timeout.Token);

        Assert.Equal(ReceiptStatus.Accepted, retry.Status);
        Assert.Equal(2, _acs.Requests.Count);
        Assert.NotEqual(_acs.Requests[0], _acs.Requests[1]);
    }

    [Fact]
    public async Task ExecuteMute_PortThrows_RevertsPendingAndRethrows()
    {
        _acs.Throw = new HttpRequestException("connection refused");

        await Assert.ThrowsAsync<HttpRequestException>(() => _service.ExecuteAsync(MuteAgent(), _timeout.Token));

        Assert.False(_store.IsMutePending(TestEvents.Agent));
        Assert.Contains("connection refused", _store.Current.Activity[0].Text);
    }

    [Fact]
    public async Task ExecuteMute_Cancelled_RevertsPendingAndThrows()
    {
        _acs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cts = new CancellationTokenSource();
        var running = _service.ExecuteAsync(MuteAgent(), cts.Token);
        await _acs.Sent.Task.WaitAsync(_timeout.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.False(_store.IsMutePending(TestEvents.Agent));
    }

    [Theory]
    [InlineData(404, "8522")]
    [InlineData(null, "8522")]
    [InlineData(404, "NotFound")]
    public async Task ExecuteMute_CallNotFound_AsksForTheCallToBeReReadAtOnce(int? status, string code)
    {
        var reconcile = new RecordingReconcileRequests();
        var service = new ActionExecutor(_store, new StoreApplier(_store), new ActionPorts(_acs, _graph), _time, _audit, reconcile);
        _acs.Result = TelephonyResult<Unit>.Fail(new TelephonyError(status, code, "Call not found."));

        var outcome = await service.ExecuteAsync(MuteAgent(), _timeout.Token);

        Assert.Equal(ReceiptStatus.Failed, outcome.Status);
        Assert.Equal([TestEvents.Call1], reconcile.Requested);
    }

    [Fact]
    public async Task ExecuteMute_OtherError_DoesNotAskForAReRead()
    {
        var reconcile = new RecordingReconcileRequests();
        var service = new ActionExecutor(_store, new StoreApplier(_store), new ActionPorts(_acs, _graph), _time, _audit, reconcile);
        _acs.Result = TelephonyResult<Unit>.Fail(Forbidden);

        await service.ExecuteAsync(MuteAgent(), _timeout.Token);

        Assert.Empty(reconcile.Requested);
    }

    private sealed class RecordingReconcileRequests : IReconcileRequests
    {
        public List<CallId> Requested { get; } = [];

        public void RequestReconcile(CallId callId) => Requested.Add(callId);
    }
}
