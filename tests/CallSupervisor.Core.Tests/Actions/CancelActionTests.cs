using CallSupervisor.Core.Audit;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>Cancel invitation and cancel all media through the one executor.</summary>
public sealed class CancelActionTests : IDisposable
{
    private static readonly TelephonyError NotFound = new(404, "NotFound", "Invitation not found");
    private static readonly InvitationId Inv1 = new("inv-1");
    private readonly TestEvents _events = new();
    private readonly ManualTimeProvider _time = new();
    private readonly FakeCallAutomationPort _acs = new();
    private readonly FakeGraphCallsPort _graph = new();
    private readonly InMemoryAuditTrail _audit = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    private (CallStore Store, ActionExecutor Service) Arrange(CallPlatform platform = CallPlatform.Acs)
    {
        var store = StoreTestKit.NewStore(_time).WithConnectedCall(_events, platform);
        return (store, new ActionExecutor(store, new StoreApplier(store), new ActionPorts(_acs, _graph), _time, _audit));
    }

    public void Dispose() => _timeout.Dispose();
    [Fact]
    public async Task ExecuteCancelInvitation_Pending_SendsCancelWithInvitationIdAndMarksCancelling()
    {
        var (store, service) = Arrange();
        store.Apply(_events.Invite());

        var outcome = await service.ExecuteAsync(ActionRequest.CancelInvitation(TestEvents.Call1, Inv1, StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ReceiptStatus.Accepted, outcome.Status);
        Assert.StartsWith("cancelAddParticipant call-1 inv-1 supervisor-cancel-invitation:", Assert.Single(_acs.Requests));
        Assert.True(store.IsCancelling());
        Assert.Equal(InvitationStatus.Pending, store.Invitation().Status);
        Assert.Equal("alice", store.Call1().PendingFor(ActionKind.CancelInvitation, "inv-1")?.Request.Supervisor);
    }

    [Fact]
    public async Task ExecuteCancelInvitation_NotPending_IsRefusedWithoutHttp()
    {
        var (store, service) = Arrange();
        store.Apply(_events.Invite());
        store.Apply(_events.AddSucceeded());

        var outcome = await service.ExecuteAsync(ActionRequest.CancelInvitation(TestEvents.Call1, Inv1, StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ActionReceipt.Refused("The invitation was already accepted"), outcome);
        Assert.Empty(_acs.Requests);
    }

    [Fact]
    public async Task ExecuteCancelInvitation_UnknownInvitation_IsRefused()
    {
        var (_, service) = Arrange();

        var outcome = await service.ExecuteAsync(ActionRequest.CancelInvitation(TestEvents.Call1, new InvitationId("nope"), StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ActionReceipt.Refused("The invitation is not known"), outcome);
    }

    [Fact]
    public async Task ExecuteCancelInvitation_SecondWhileFirstInFlight_IsRefused()
    {
        var (store, service) = Arrange();
        store.Apply(_events.Invite());
        _acs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = service.ExecuteAsync(ActionRequest.CancelInvitation(TestEvents.Call1, Inv1, StoreTestKit.As("alice")), _timeout.Token);
        await _acs.Sent.Task.WaitAsync(_timeout.Token);

        var second = await service.ExecuteAsync(ActionRequest.CancelInvitation(TestEvents.Call1, Inv1, StoreTestKit.As("bob")), _timeout.Token);
        _acs.Gate.SetResult();

        Assert.Equal(ReceiptStatus.Refused, second.Status);
        Assert.Equal(ReceiptStatus.Accepted, (await first).Status);
        Assert.Single(_acs.Requests);
    }

    [Fact]
    public async Task ExecuteCancelInvitation_PortError_RevertsToPendingAndReturnsTheError()
    {
        var (store, service) = Arrange();
        store.Apply(_events.Invite());
        _acs.Result = TelephonyResult<Unit>.Fail(NotFound);

        var outcome = await service.ExecuteAsync(ActionRequest.CancelInvitation(TestEvents.Call1, Inv1, StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ReceiptStatus.Failed, outcome.Status);
        Assert.Equal(NotFound, outcome.Error);
        Assert.Equal(InvitationStatus.Pending, store.Invitation().Status);
        Assert.False(store.IsCancelling());
        Assert.Contains("NotFound (404): Invitation not found", store.Current.Activity[0].Text);
    }

    [Fact]
    public async Task ExecuteCancelInvitation_CallbackSettlesBeforeErrorResponse_KeepsTheCallbackOutcome()
    {
        var (store, service) = Arrange();
        store.Apply(_events.Invite());
        _acs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _acs.Result = TelephonyResult<Unit>.Fail(NotFound);
        var running = service.ExecuteAsync(ActionRequest.CancelInvitation(TestEvents.Call1, Inv1, StoreTestKit.As("alice")), _timeout.Token);
        await _acs.Sent.Task.WaitAsync(_timeout.Token);

        store.Apply(_events.AddSucceeded());
        _acs.Gate.SetResult();
        await running;

        Assert.Equal(InvitationStatus.Accepted, store.Invitation().Status);
        Assert.True(store.Invitation().CancelLostRace);
    }

    [Fact]
    public async Task ExecuteCancelMedia_AcsCall_CancelsAllMediaThroughAcs()
    {
        var (store, service) = Arrange();
        store.Apply(_events.MediaStarted());

        var outcome = await service.ExecuteAsync(ActionRequest.CancelMedia(TestEvents.Call1, StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ReceiptStatus.Accepted, outcome.Status);
        Assert.Equal(["cancelAllMediaOperations call-1"], _acs.Requests);
        Assert.Empty(_graph.Requests);
        Assert.True(store.IsMediaCancelPending());
        Assert.Equal(MediaStatus.Running, store.Media().Status);
    }

    [Fact]
    public async Task ExecuteCancelMedia_GraphCall_CancelsThroughGraphWithClientContext()
    {
        var (store, service) = Arrange(CallPlatform.Graph);
        store.Apply(_events.MediaStarted());

        var outcome = await service.ExecuteAsync(ActionRequest.CancelMedia(TestEvents.Call1, StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ReceiptStatus.Accepted, outcome.Status);
        Assert.Empty(_acs.Requests);
        Assert.StartsWith("cancelMediaProcessing call-1 supervisor-cancel-media:", Assert.Single(_graph.Requests));
        Assert.True(store.IsMediaCancelPending());
        Assert.Equal(MediaStatus.Running, store.Media().Status);
    }

    [Fact]
    public async Task ExecuteCancelMedia_NothingRunning_IsRefusedWithoutHttp()
    {
        var (_, service) = Arrange();

        var outcome = await service.ExecuteAsync(ActionRequest.CancelMedia(TestEvents.Call1, StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ActionReceipt.Refused("No media operation is running"), outcome);
        Assert.Empty(_acs.Requests);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task ExecuteCancelMedia_Twice_SecondIsRefusedWhileCancelling()
    {
        var (store, service) = Arrange();
        store.Apply(_events.MediaStarted());
        await service.ExecuteAsync(ActionRequest.CancelMedia(TestEvents.Call1, StoreTestKit.As("alice")), _timeout.Token);

        var second = await service.ExecuteAsync(ActionRequest.CancelMedia(TestEvents.Call1, StoreTestKit.As("bob")), _timeout.Token);

        Assert.Equal(ReceiptStatus.Refused, second.Status);
        Assert.Contains("already requested by alice", second.Message);
        Assert.Single(_acs.Requests);
    }

    [Fact]
    public async Task ExecuteCancelMedia_GraphError_RevertsToRunning()
    {
        var (store, service) = Arrange(CallPlatform.Graph);
        store.Apply(_events.MediaStarted());
        var error = new TelephonyError(400, "BadRequest", "No media to cancel");
        _graph.Result = TelephonyResult<Unit>.Fail(error);

        var outcome = await service.ExecuteAsync(ActionRequest.CancelMedia(TestEvents.Call1, StoreTestKit.As("alice")), _timeout.Token);

        Assert.Equal(ReceiptStatus.Failed, outcome.Status);
        Assert.Equal("Cancel of all media failed: BadRequest (400): No media to cancel", outcome.Message);
        Assert.Equal(error, outcome.Error);
        Assert.Equal(MediaStatus.Running, store.Media().Status);
        Assert.False(store.IsMediaCancelPending());
        Assert.Equal(ActionResult.Failed, store.Call1().OutcomeOf(outcome.OperationContext!)?.Result);
    }

    [Fact]
    public async Task ExecuteCancelMedia_ThenMediaEndsCancelled_SettlesTheOperation()
    {
        var (store, service) = Arrange();
        store.Apply(_events.MediaStarted());
        await service.ExecuteAsync(ActionRequest.CancelMedia(TestEvents.Call1, StoreTestKit.As("alice")), _timeout.Token);

        store.Apply(_events.MediaEnded(outcome: MediaStatus.Cancelled));

        Assert.Equal(MediaStatus.Cancelled, store.Media().Status);
        Assert.Equal(0, store.Current.Counts.RunningMedia);
    }
}
