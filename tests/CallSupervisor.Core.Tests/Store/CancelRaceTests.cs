namespace CallSupervisor.Core.Tests.Store;

/// <summary>
/// Rule 4: a cancel racing an accept ends consistently in every order, and terminal states stay terminal except
/// that a real join (AddParticipantSucceeded) wins over Cancelling/Cancelled.
/// </summary>
public sealed class CancelRaceTests
{
    private readonly TestEvents _events = new();
    private readonly CallStore _store;

    public CancelRaceTests()
    {
        _store = StoreTestKit.NewStore().WithConnectedCall(_events);
        _store.Apply(_events.Invite("inv-1", "add-1"));
    }

    private void Cancel() =>
        Assert.True(_store.MarkCancel("inv-1", StoreTestKit.Request("alice")).IsApplied);

    [Fact]
    public void Apply_AcceptWhileCancelling_EndsAcceptedWithLostRace()
    {
        Cancel();

        _store.Apply(_events.AddSucceeded("add-1"));

        var invitation = _store.Invitation();
        Assert.Equal(InvitationStatus.Accepted, invitation.Status);
        Assert.True(invitation.CancelLostRace);
        var entry = _store.Current.Activity[0];
        Assert.Equal("Caller +1 425-555-0123 accepted before the cancel took effect", entry.Text);
        Assert.Equal(ActivitySeverity.Warning, entry.Severity);
        Assert.Equal("alice", entry.Supervisor);
    }

    [Fact]
    public void Apply_CancelFailedAfterLostRace_KeepsAccepted()
    {
        Cancel();
        _store.Apply(_events.AddSucceeded("add-1"));

        var outcome = _store.Apply(_events.CancelFailed());

        Assert.Equal(ApplyStatus.Ignored, outcome.Status);
        Assert.Equal(InvitationStatus.Accepted, _store.Invitation().Status);
        Assert.True(_store.Invitation().CancelLostRace);
    }

    [Fact]
    public void Apply_CancelFailedBeforeAccept_EndsAcceptedWithLostRace()
    {
        Cancel();

        _store.Apply(_events.CancelFailed());
        Assert.Equal(InvitationStatus.Pending, _store.Invitation().Status);
        Assert.Equal(8523, _store.Invitation().LastResult?.SubCode);

        _store.Apply(_events.AddSucceeded("add-1"));
        Assert.Equal(InvitationStatus.Accepted, _store.Invitation().Status);
        Assert.True(_store.Invitation().CancelLostRace);
        Assert.Contains("accepted before the cancel took effect", _store.Current.Activity[0].Text);
    }

    [Fact]
    public void Apply_CancelFailedFromAnotherClientBeforeAccept_StillReportsLostRace()
    {
        _store.Apply(_events.CancelFailed());
        _store.Apply(_events.AddSucceeded("add-1"));

        Assert.True(_store.Invitation().CancelLostRace);
        Assert.Null(_store.Current.Activity[0].Supervisor);
    }

    [Fact]
    public void Apply_CancelSucceeded_EndsCancelled()
    {
        Cancel();

        _store.Apply(_events.CancelSucceeded());

        Assert.Equal(InvitationStatus.Cancelled, _store.Invitation().Status);
        Assert.Equal("alice", _store.Current.Activity[0].Supervisor);
    }

    [Fact]
    public void Apply_AcceptAfterCancelled_WinsBecauseTheParticipantJoined()
    {
        Cancel();
        _store.Apply(_events.CancelSucceeded());

        var outcome = _store.Apply(_events.AddSucceeded("add-1"));

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        Assert.Equal(InvitationStatus.Accepted, _store.Invitation().Status);
        Assert.True(_store.Invitation().CancelLostRace);
    }

    [Fact]
    public void Apply_CancelSucceededAfterAccepted_KeepsAccepted()
    {
        _store.Apply(_events.AddSucceeded("add-1"));

        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.CancelSucceeded()).Status);
        Assert.Equal(InvitationStatus.Accepted, _store.Invitation().Status);
        Assert.False(_store.Invitation().CancelLostRace);
    }

    [Fact]
    public void Apply_AddFailedAfterCancelled_KeepsCancelled()
    {
        _store.Apply(_events.CancelSucceeded());

        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.AddFailed("add-1")).Status);
        Assert.Equal(InvitationStatus.Cancelled, _store.Invitation().Status);
    }

    [Theory]
    [InlineData(408, InvitationStatus.TimedOut)]
    [InlineData(487, InvitationStatus.Cancelled)]
    [InlineData(603, InvitationStatus.Failed)]
    public void Apply_AddFailedWhileCancelling_EndsByResultCode(int code, InvitationStatus expected)
    {
        Cancel();

        _store.Apply(_events.AddFailed("add-1", code));

        Assert.Equal(expected, _store.Invitation().Status);
    }

    [Fact]
    public void Apply_AddFailedWith487WithoutCancel_IsAPlainFailure()
    {
        _store.Apply(_events.AddFailed("add-1", 487));

        Assert.Equal(InvitationStatus.Failed, _store.Invitation().Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Apply_LateOutcomeAfterTimeout_KeepsTimedOut(bool succeeded)
    {
        _store.Apply(_events.AddFailed("add-1", 408));

        var outcome = succeeded ? _store.Apply(_events.AddSucceeded("add-1")) : _store.Apply(_events.CancelSucceeded());

        Assert.Equal(ApplyStatus.Ignored, outcome.Status);
        Assert.Equal(InvitationStatus.TimedOut, _store.Invitation().Status);
    }
}
