using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Tests.Store;

/// <summary>
/// What every supervisor action shares, written once: a request is checked and marked pending atomically, a failure
/// undoes exactly its own mark, and the end of the call ends every pending action.
/// </summary>
public sealed class ActionRulesTests
{
    private static readonly TelephonyError Error = new(403, "Forbidden", "Not allowed");
    private readonly TestEvents _events = new();
    private readonly CallStore _store;

    public ActionRulesTests() => _store = StoreTestKit.NewStore().WithConnectedCall(_events);

    private ActionFailed Failed(ActionKind kind, string target, SupervisorRequest request) =>
        new($"action:{request.OperationContext}:failed", TestEvents.Call1, _events.Now.AddSeconds(30), new PendingAction(kind, target, request), Error);

    [Fact]
    public void Requested_Allowed_MarksPendingAndRecordsTheSupervisor()
    {
        var request = StoreTestKit.Request("alice", "ctx-1");

        var outcome = _store.MarkMute(TestEvents.Agent, request);

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        Assert.Equal(request, _store.Call1().PendingFor(ActionKind.Mute, TestEvents.Agent.RawId)?.Request);
        var entry = _store.Current.Activity[0];
        Assert.Equal("alice", entry.Supervisor);
        Assert.Equal(request.RequestedAt, entry.At);
        Assert.Equal("Mute of ACS user agent-0001…aaaaaaaa requested", entry.Text);
    }

    [Theory]
    [InlineData(ActionKind.Mute)]
    [InlineData(ActionKind.CancelInvitation)]
    [InlineData(ActionKind.CancelMedia)]
    public void Requested_SameActionAlreadyPending_IsRefusedWithoutChange(ActionKind kind)
    {
        _store.Apply(_events.Invite());
        _store.Apply(_events.MediaStarted());
        var target = kind switch { ActionKind.Mute => TestEvents.Agent.RawId, ActionKind.CancelInvitation => "inv-1", _ => "" };
        _store.MarkPending(kind, target, StoreTestKit.Request("alice"));
        var version = _store.Version;

        var outcome = _store.MarkPending(kind, target, StoreTestKit.Request("bob"));

        Assert.Equal(ApplyStatus.Ignored, outcome.Status);
        Assert.Contains("already requested by alice", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(version, _store.Version);
    }

    [Theory]
    [InlineData("call-1", "8:acs:nobody", "The participant is not in the call")]
    [InlineData("call-x", "8:acs:nobody", "Call call-x is not on the dashboard")]
    public void Requested_UnknownTarget_IsRefusedWithTheReason(string callId, string rawId, string reason)
    {
        var outcome = _store.MarkPending(ActionKind.Mute, rawId, callId: new CallId(callId));

        Assert.Equal(ApplyStatus.Ignored, outcome.Status);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public void Requested_EndedCall_IsRefused()
    {
        _store.Apply(_events.Disconnected());

        Assert.Equal("The call has ended", _store.MarkMute(TestEvents.Agent).Reason);
    }

    [Fact]
    public void Failed_SameRequest_ClearsTheMarkAndRecordsTheError()
    {
        var request = StoreTestKit.Request("alice", "ctx-1");
        _store.MarkMute(TestEvents.Agent, request);

        _store.Apply(Failed(ActionKind.Mute, TestEvents.Agent.RawId, request));

        Assert.False(_store.IsMutePending(TestEvents.Agent));
        var entry = _store.Current.Activity[0];
        Assert.Equal(ActivitySeverity.Error, entry.Severity);
        Assert.Equal("Mute of ACS user agent-0001…aaaaaaaa failed: Forbidden (403): Not allowed", entry.Text);
        Assert.Equal("alice", entry.Supervisor);
        Assert.Equal(ActionResult.Failed, _store.Call1().OutcomeOf("ctx-1")?.Result);
    }

    [Fact]
    public void Failed_AfterAnotherRequestMarked_LeavesThatRequestPending()
    {
        var other = StoreTestKit.Request("bob", "ctx-2");
        _store.MarkMute(TestEvents.Agent, other);

        _store.Apply(Failed(ActionKind.Mute, TestEvents.Agent.RawId, StoreTestKit.Request("alice", "ctx-1")));

        Assert.Equal(other, _store.Call1().PendingFor(ActionKind.Mute, TestEvents.Agent.RawId)?.Request);
        Assert.Equal(ActivitySeverity.Error, _store.Current.Activity[0].Severity);
    }

    [Fact]
    public void Failed_AfterACallbackSettledTheInvitation_KeepsTheCallbackOutcome()
    {
        _store.Apply(_events.Invite());
        var request = StoreTestKit.Request("alice");
        _store.MarkCancel("inv-1", request);
        _store.Apply(_events.CancelSucceeded());

        _store.Apply(Failed(ActionKind.CancelInvitation, "inv-1", request));

        Assert.Equal(InvitationStatus.Cancelled, _store.Invitation().Status);
        Assert.Equal(ActionResult.Confirmed, _store.Call1().OutcomeOf(request.OperationContext)?.Result);
    }

    [Fact]
    public void Failed_CancelMedia_LeavesTheMediaRunning()
    {
        _store.Apply(_events.MediaStarted());
        var request = StoreTestKit.Request("alice");
        _store.MarkCancelMedia(request);

        _store.Apply(Failed(ActionKind.CancelMedia, "", request));

        Assert.Equal(MediaStatus.Running, _store.Media().Status);
        Assert.False(_store.IsMediaCancelPending());
        Assert.Equal(1, _store.Current.Counts.RunningMedia);
    }

    [Fact]
    public void CallEnds_WithPendingActions_EndsThemAll()
    {
        _store.Apply(_events.Invite());
        var mute = StoreTestKit.Request("alice");
        var cancel = StoreTestKit.Request("bob");
        _store.MarkMute(TestEvents.Agent, mute);
        _store.MarkCancel("inv-1", cancel);

        _store.Apply(_events.Disconnected());

        var call = _store.Call1();
        Assert.Empty(call.PendingActions);
        Assert.Equal(ActionResult.CallEnded, call.OutcomeOf(mute.OperationContext)?.Result);
        Assert.Equal(ActionResult.CallEnded, call.OutcomeOf(cancel.OperationContext)?.Result);
    }

    [Fact]
    public void Outcomes_BeyondTheLimit_KeepTheNewest()
    {
        for (var i = 0; i < 20; i++)
        {
            var request = StoreTestKit.Request("alice", $"ctx-{i}");
            _store.MarkMute(TestEvents.Agent, request);
            _store.Apply(Failed(ActionKind.Mute, TestEvents.Agent.RawId, request));
        }

        var outcomes = _store.Call1().ActionOutcomes;
        Assert.Equal(16, outcomes.Count);
        Assert.Equal("ctx-19", outcomes[^1].OperationContext);
        Assert.Equal("ctx-4", outcomes[0].OperationContext);
    }
}
