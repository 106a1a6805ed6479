using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Core.Tests.Store;

/// <summary>The store's supervisor-side transitions: mark pending atomically, revert only what the same request marked.</summary>
public sealed class SupervisorTransitionTests
{
    private static readonly TelephonyError Error = new(403, "Forbidden", "Not allowed");
    private static readonly DateTimeOffset FailedAt = new(2026, 1, 1, 9, 31, 0, TimeSpan.Zero);
    private static readonly InvitationId Inv1 = new("inv-1");
    private readonly TestEvents _events = new();
    private readonly CallStore _store;

    public SupervisorTransitionTests() => _store = StoreTestKit.NewStore().WithConnectedCall(_events);

    [Fact]
    public void MarkMutePending_Allowed_MarksPendingAndRecordsTheSupervisor()
    {
        var request = StoreTestKit.Request("alice", "ctx-1");

        var result = _store.MarkMutePending(TestEvents.Call1, TestEvents.Agent.RawId, request);

        Assert.True(result.Availability.Allowed);
        Assert.Equal(request, _store.Participant(TestEvents.Agent).PendingMute);
        var entry = _store.Current.Activity[0];
        Assert.Equal("alice", entry.Supervisor);
        Assert.Equal(request.RequestedAt, entry.At);
        Assert.StartsWith("Mute of ACS user agent-0001…aaaaaaaa", entry.Text);
    }

    [Fact]
    public void MarkMutePending_AlreadyPending_IsRefusedWithoutChange()
    {
        _store.MarkMutePending(TestEvents.Call1, TestEvents.Agent.RawId, StoreTestKit.Request("alice", "ctx-1"));
        var version = _store.Version;

        var result = _store.MarkMutePending(TestEvents.Call1, TestEvents.Agent.RawId, StoreTestKit.Request("bob", "ctx-2"));

        Assert.False(result.Availability.Allowed);
        Assert.Contains("alice", result.Availability.Reason);
        Assert.Equal(version, _store.Version);
    }

    [Theory]
    [InlineData("call-1", "8:acs:nobody", "not in the call")]
    [InlineData("call-x", "8:acs:nobody", "not on the dashboard")]
    public void MarkMutePending_UnknownTarget_IsRefused(string callId, string rawId, string reason)
    {
        var result = _store.MarkMutePending(new CallId(callId), rawId, StoreTestKit.Request());

        Assert.False(result.Availability.Allowed);
        Assert.Contains(reason, result.Availability.Reason);
    }

    [Fact]
    public void RevertMutePending_SameRequest_ClearsPendingAndRecordsError()
    {
        var request = StoreTestKit.Request("alice", "ctx-1");
        _store.MarkMutePending(TestEvents.Call1, TestEvents.Agent.RawId, request);

        _store.RevertMutePending(TestEvents.Call1, TestEvents.Agent.RawId, request, Error, FailedAt);

        Assert.False(_store.Participant(TestEvents.Agent).IsMutePending);
        var entry = _store.Current.Activity[0];
        Assert.Equal(ActivitySeverity.Error, entry.Severity);
        Assert.Equal(FailedAt, entry.At);
        Assert.Contains("Forbidden (403): Not allowed", entry.Text);
    }

    [Fact]
    public void RevertMutePending_AfterAnotherRequestMarked_LeavesThatRequestPending()
    {
        var other = StoreTestKit.Request("bob", "ctx-2");
        _store.MarkMutePending(TestEvents.Call1, TestEvents.Agent.RawId, other);

        _store.RevertMutePending(TestEvents.Call1, TestEvents.Agent.RawId, StoreTestKit.Request("alice", "ctx-1"), Error, FailedAt);

        Assert.Equal(other, _store.Participant(TestEvents.Agent).PendingMute);
    }

    [Fact]
    public void MarkInvitationCancelling_Pending_MarksCancelling()
    {
        _store.Apply(_events.Invite());

        Assert.True(_store.MarkInvitationCancelling(TestEvents.Call1, Inv1, StoreTestKit.Request()).Availability.Allowed);

        Assert.Equal(InvitationStatus.Cancelling, _store.Invitation().Status);
        Assert.False(_store.MarkInvitationCancelling(TestEvents.Call1, Inv1, StoreTestKit.Request("bob", "ctx-2")).Availability.Allowed);
    }

    [Fact]
    public void RevertInvitationCancelling_StillCancelling_RevertsToPending()
    {
        _store.Apply(_events.Invite());
        var request = StoreTestKit.Request();
        _store.MarkInvitationCancelling(TestEvents.Call1, Inv1, request);

        _store.RevertInvitationCancelling(TestEvents.Call1, Inv1, request, Error, FailedAt);

        Assert.Equal(InvitationStatus.Pending, _store.Invitation().Status);
        Assert.Null(_store.Invitation().CancelRequest);
        Assert.Contains("Forbidden", _store.Current.Activity[0].Text);
    }

    [Fact]
    public void RevertInvitationCancelling_SettledByCallback_KeepsTheCallbackState()
    {
        _store.Apply(_events.Invite());
        var request = StoreTestKit.Request();
        _store.MarkInvitationCancelling(TestEvents.Call1, Inv1, request);
        _store.Apply(_events.CancelSucceeded());

        _store.RevertInvitationCancelling(TestEvents.Call1, Inv1, request, Error, FailedAt);

        Assert.Equal(InvitationStatus.Cancelled, _store.Invitation().Status);
    }

    [Fact]
    public void MarkMediaCancelling_MarksEveryRunningOperation()
    {
        _store.Apply(_events.MediaStarted("a"));
        _store.Apply(_events.MediaStarted("b"));
        _store.Apply(_events.MediaStarted("c"));
        _store.Apply(_events.MediaEnded("c"));

        Assert.True(_store.MarkMediaCancelling(TestEvents.Call1, StoreTestKit.Request()).Availability.Allowed);

        Assert.Equal(MediaStatus.Cancelling, _store.Media("a").Status);
        Assert.Equal(MediaStatus.Cancelling, _store.Media("b").Status);
        Assert.Equal(MediaStatus.Completed, _store.Media("c").Status);
        Assert.Contains("2 media operation(s)", _store.Current.Activity[0].Text);
    }

    [Fact]
    public void RevertMediaCancelling_RevertsOnlyOperationsStillCancellingForThatRequest()
    {
        _store.Apply(_events.MediaStarted("a"));
        _store.Apply(_events.MediaStarted("b"));
        var request = StoreTestKit.Request();
        _store.MarkMediaCancelling(TestEvents.Call1, request);
        _store.Apply(_events.MediaEnded("b", MediaStatus.Cancelled));

        _store.RevertMediaCancelling(TestEvents.Call1, request, Error, FailedAt);

        Assert.Equal(MediaStatus.Running, _store.Media("a").Status);
        Assert.Null(_store.Media("a").CancelRequest);
        Assert.Equal(MediaStatus.Cancelled, _store.Media("b").Status);
    }
}
