using CallSupervisor.Core.Actions;

namespace CallSupervisor.Core.Tests.Store;

/// <summary>
/// Unconfirmed supervisor actions are released by ActionExpired (the maintenance pass sends it after the
/// confirmation timeout): one rule for every action, so no button stays "Muting…" after a lost callback.
/// </summary>
public sealed class ExpiryTests
{
    private readonly TestEvents _events = new();
    private readonly CallStore _store;

    public ExpiryTests() => _store = StoreTestKit.NewStore().WithConnectedCall(_events);

    private ActionExpired Expire(SupervisorRequest request) => new("expire:" + request.OperationContext, TestEvents.Call1, _events.Now.AddMinutes(1), request.OperationContext);

    [Fact]
    public void Expired_PendingMute_IsReleasedWithAWarningAndCanBeTriedAgain()
    {
        var request = StoreTestKit.Request("alice");
        _store.MarkMute(TestEvents.Agent, request);

        var outcome = _store.Apply(Expire(request));

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        Assert.False(_store.IsMutePending(TestEvents.Agent));
        var entry = _store.Current.Activity[0];
        Assert.Equal("Mute of ACS user agent-0001…aaaaaaaa was not confirmed by ACS; it can be tried again", entry.Text);
        Assert.Equal(ActivitySeverity.Warning, entry.Severity);
        Assert.Equal("alice", entry.Supervisor);
        Assert.Equal(ActionResult.NotConfirmed, _store.Call1().OutcomeOf(request.OperationContext)?.Result);
        Assert.True(SupervisorActions.Mute.Check(_store.Call1(), TestEvents.Agent.RawId).Allowed);
    }

    [Theory]
    [InlineData(ActionKind.CancelInvitation, "inv-1")]
    [InlineData(ActionKind.CancelMedia, "")]
    public void Expired_AnyPendingAction_IsReleasedTheSameWay(ActionKind kind, string target)
    {
        _store.Apply(_events.Invite());
        _store.Apply(_events.MediaStarted());
        var request = StoreTestKit.Request("alice");
        _store.MarkPending(kind, target, request);

        _store.Apply(Expire(request));

        Assert.Empty(_store.Call1().PendingActions);
        Assert.Equal(InvitationStatus.Pending, _store.Invitation().Status);
        Assert.Equal(MediaStatus.Running, _store.Media().Status);
        Assert.True(SupervisorActions.For(kind).Check(_store.Call1(), target).Allowed);
    }

    [Fact]
    public void Expired_AlreadySettled_IsIgnored()
    {
        var request = StoreTestKit.Request("alice");
        _store.MarkMute(TestEvents.Agent, request);
        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        Assert.Equal(ApplyStatus.Ignored, _store.Apply(Expire(request)).Status);
        Assert.Equal(ActionResult.Confirmed, _store.Call1().OutcomeOf(request.OperationContext)?.Result);
    }

    [Fact]
    public void Expired_OtherRequestPending_LeavesIt()
    {
        _store.Apply(_events.MediaStarted());
        var first = StoreTestKit.Request("alice");
        var second = StoreTestKit.Request("bob");
        _store.MarkMute(TestEvents.Agent, first);
        _store.MarkCancelMedia(second);

        _store.Apply(Expire(first));

        Assert.Equal([second.OperationContext], _store.Call1().PendingActions.Keys);
    }
}
