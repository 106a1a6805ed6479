namespace CallSupervisor.Core.Tests.Store;

/// <summary>
/// Rule 3: AddParticipant* correlate by operationContext within the call, CancelAddParticipant* by invitationId.
/// Rule 5: AddParticipantFailed ends Failed, or TimedOut for code 408.
/// </summary>
public sealed class InvitationCorrelationTests
{
    private readonly TestEvents _events = new();
    private readonly CallStore _store;

    public InvitationCorrelationTests()
    {
        _store = StoreTestKit.NewStore().WithConnectedCall(_events);
        _store.Apply(_events.Invite("inv-1", "add-1"));
    }

    [Fact]
    public void Apply_InvitationRequested_AddsPendingInvitation()
    {
        var invitation = _store.Invitation();

        Assert.Equal(InvitationStatus.Pending, invitation.Status);
        Assert.Equal("add-1", invitation.OperationContext);
        Assert.Equal(TimeSpan.FromSeconds(30), invitation.Timeout);
        Assert.Equal(1, _store.Current.Counts.PendingInvitations);
    }

    [Fact]
    public void Apply_AddParticipantSucceeded_AcceptsTheInvitationWithThatOperationContext()
    {
        _store.Apply(_events.Invite("inv-2", "add-2", TestEvents.Agent2));

        var outcome = _store.Apply(_events.AddSucceeded("add-2"));

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        Assert.Equal(InvitationStatus.Accepted, _store.Invitation("inv-2").Status);
        Assert.Equal(InvitationStatus.Pending, _store.Invitation("inv-1").Status);
        Assert.False(_store.Invitation("inv-2").CancelLostRace);
    }

    [Fact]
    public void Apply_AddParticipantSucceededOnAnotherCall_DoesNotTouchThisCallsInvitation()
    {
        _store.Apply(_events.Connected(TestEvents.Call2));
        _store.Apply(_events.Invite("inv-9", "add-1", callId: TestEvents.Call2));

        _store.Apply(_events.AddSucceeded("add-1", TestEvents.Call2));

        Assert.Equal(InvitationStatus.Pending, _store.Invitation("inv-1").Status);
        Assert.Equal(InvitationStatus.Accepted, _store.Current.Find(TestEvents.Call2)!.Invitations[new InvitationId("inv-9")].Status);
    }

    [Fact]
    public void Apply_AddParticipantFailed_MarksFailedWithResult()
    {
        _store.Apply(_events.AddFailed("add-1", code: 403));

        var invitation = _store.Invitation();
        Assert.Equal(InvitationStatus.Failed, invitation.Status);
        Assert.Equal(403, invitation.LastResult?.Code);
        Assert.NotNull(invitation.EndedAt);
        Assert.Equal(0, _store.Current.Counts.PendingInvitations);
    }

    [Fact]
    public void Apply_AddParticipantFailedWith408_MarksTimedOut()
    {
        _store.Apply(_events.AddFailed("add-1", code: 408));

        Assert.Equal(InvitationStatus.TimedOut, _store.Invitation().Status);
        Assert.Equal("Invitation to Caller +1 425-555-0123 timed out", _store.Current.Activity[0].Text);
    }

    [Fact]
    public void Apply_CancelAddParticipantSucceeded_CancelsTheInvitationWithThatId()
    {
        _store.Apply(_events.Invite("inv-2", "add-2"));

        _store.Apply(_events.CancelSucceeded("inv-2"));

        Assert.Equal(InvitationStatus.Cancelled, _store.Invitation("inv-2").Status);
        Assert.Equal(InvitationStatus.Pending, _store.Invitation("inv-1").Status);
    }

    [Fact]
    public void Apply_AddParticipantOutcomeWithoutOperationContext_IsIgnored()
    {
        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.AddSucceeded(operationContext: null)).Status);
        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.AddFailed(operationContext: null)).Status);
        Assert.Equal(InvitationStatus.Pending, _store.Invitation().Status);
    }

    [Fact]
    public void Apply_CancelOutcomeForUnknownInvitation_IsIgnored()
    {
        var outcome = _store.Apply(_events.CancelSucceeded("inv-unknown"));

        Assert.Equal(ApplyStatus.Ignored, outcome.Status);
        Assert.Contains("unknown invitation", outcome.Reason);
    }

    [Fact]
    public void Apply_InvitationRequestedTwice_IsIgnored()
    {
        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.Invite("inv-1", "add-1")).Status);
    }

    [Theory]
    [InlineData(true, InvitationStatus.Accepted)]
    [InlineData(false, InvitationStatus.Failed)]
    public void Apply_OutcomeOvertakingInvitationRequested_SettlesTheInvitationWhenItArrives(bool succeeded, InvitationStatus expected)
    {
        var early = succeeded ? (Core.Events.CallEvent)_events.AddSucceeded("add-3") : _events.AddFailed("add-3");

        Assert.Equal(ApplyStatus.Applied, _store.Apply(early).Status);
        Assert.True(_store.Call1().UnmatchedAddResults.ContainsKey("add-3"));
        _store.Apply(_events.Invite("inv-3", "add-3"));

        Assert.Equal(expected, _store.Invitation("inv-3").Status);
        Assert.Empty(_store.Call1().UnmatchedAddResults);
    }
}
