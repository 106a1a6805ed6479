namespace CallSupervisor.Core.Tests.Store;

/// <summary>
/// Rule 12: the board converges on ACS's truth. A re-read corrects what lost callbacks left wrong, but never
/// overrides a roster newer than the read; invitees seen in the call settle their invitations; what ACS left
/// without an outcome times out.
/// </summary>
public sealed class ReconcileTests
{
    private readonly TestEvents _events = new();
    private readonly CallStore _store = StoreTestKit.NewStore();

    [Fact]
    public void Reconcile_PlaceholderCall_FillsDetailsAndRosterAndClearsFlag()
    {
        _store.Apply(_events.MediaStarted());

        var outcome = _store.Apply(_events.Reconciled(CallState.Connected, null, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        var call = _store.Call1();
        Assert.False(call.NeedsReconcile);
        Assert.Equal(CallState.Connected, call.State);
        Assert.Equal("server-9", call.ServerCallId);
        Assert.Equal(TestEvents.Caller, call.Caller);
        Assert.Equal(TestEvents.Agent, call.Callee);
        Assert.Equal(2, call.Participants.Count);
        Assert.Null(call.LastRosterSequence);
        Assert.Single(call.MediaOperations);
    }

    [Fact]
    public void Reconcile_CallNotOnTheBoard_IsIgnored()
    {
        var outcome = _store.Apply(_events.Reconciled(CallState.Connected, null, TestEvents.In(TestEvents.Caller)));

        Assert.Equal(ApplyStatus.Ignored, outcome.Status);
        Assert.Empty(_store.Current.Calls);
    }

    [Fact]
    public void Reconcile_NoRosterSinceTheReadStarted_AcsViewReplacesTheBoard()
    {
        _store.WithConnectedCall(_events);

        // The ParticipantsUpdated that muted the agent was lost: ACS says muted, the board says unmuted.
        var outcome = _store.Apply(_events.Reconciled(CallState.Connected, 1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        Assert.True(_store.Participant(TestEvents.Agent).IsMuted);
        Assert.Equal(1, _store.Call1().LastRosterSequence);
        var entry = _store.Current.Activity[0];
        Assert.Equal(ActivitySeverity.Warning, entry.Severity);
        Assert.Equal("Updated from ACS (no callback reported it): ACS user agent-0001…aaaaaaaa muted", entry.Text);
    }

    [Fact]
    public void Reconcile_GraphCallMissingTwoJoiners_AddedAndTheActivityNamesGraph()
    {
        _store.WithConnectedCall(_events, CallPlatform.Graph);

        // The participants notifications of two joiners were lost: Graph's GET participants lists them.
        var outcome = _store.Apply(_events.Reconciled(CallState.Connected, 1,
            TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent), TestEvents.In(TestEvents.Agent2), TestEvents.In(TestEvents.TeamsUser)));

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        Assert.Equal(4, _store.Call1().Participants.Count);
        Assert.StartsWith("Updated from Graph (no callback reported it): ", _store.Current.Activity[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_GraphReportsTheCallTerminated_ClosedSayingGraph()
    {
        _store.WithConnectedCall(_events, CallPlatform.Graph);

        _store.Apply(_events.Reconciled(CallState.Disconnected, 1, TestEvents.In(TestEvents.Caller)));

        Assert.Equal(CallState.Disconnected, _store.Call1().State);
        Assert.StartsWith("Call ended (Graph reports it Disconnected)", _store.Current.Activity[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_RosterAppliedAfterTheReadStarted_KeepsTheNewerRoster()
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        // The read started when the board was at roster 1; roster 2 arrived while it was in flight.
        _store.Apply(_events.Reconciled(CallState.Connected, 1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent)));

        Assert.True(_store.Participant(TestEvents.Agent).IsMuted);
        Assert.Equal(2, _store.Call1().LastRosterSequence);
    }

    [Fact]
    public void Reconcile_InSync_IgnoredWithoutActivity()
    {
        _store.WithConnectedCall(_events);
        var activity = _store.Current.Activity.Count;
        var version = _store.Version;

        var outcome = _store.Apply(_events.Reconciled(CallState.Connected, 1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent)));

        Assert.Equal(ApplyStatus.Ignored, outcome.Status);
        Assert.Equal(activity, _store.Current.Activity.Count);
        Assert.Equal(version, _store.Version);
    }

    [Fact]
    public void Reconcile_ThenParticipantsUpdated_TheSequenceRuleStillApplies()
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.Reconciled(CallState.Connected, 1, TestEvents.In(TestEvents.Caller)));

        Assert.Equal(ApplyStatus.Stale, _store.Apply(_events.Roster(1, TestEvents.In(TestEvents.Agent2))).Status);
        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Agent2)));

        Assert.Equal([TestEvents.Agent2.RawId], _store.Call1().Participants.Keys);
    }

    [Fact]
    public void Reconcile_EndedCall_IsIgnored()
    {
        _store.Apply(_events.Connected());
        _store.Apply(_events.Disconnected());

        var outcome = _store.Apply(_events.Reconciled(CallState.Connected, null));

        Assert.Equal(ApplyStatus.Ignored, outcome.Status);
        Assert.Equal(CallState.Disconnected, _store.Call1().State);
    }

    [Fact]
    public void Reconcile_AcsSaysDisconnected_ClosesTheCallItsInvitationsAndMedia()
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.Invite(target: TestEvents.Agent2));
        _store.Apply(_events.MediaStarted());

        _store.Apply(_events.Reconciled(CallState.Disconnected, 1));

        var call = _store.Call1();
        Assert.Equal(CallState.Disconnected, call.State);
        Assert.NotNull(call.EndedAt);
        Assert.False(_store.Invitation().IsOpen);
        Assert.False(_store.Media().IsActive);
        Assert.Equal(0, _store.Current.Counts.LiveCalls);
        Assert.Equal(0, _store.Current.Counts.RunningMedia);
    }

    [Fact]
    public void Reconcile_InviteeInTheFetchedRoster_InvitationAccepted()
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.Invite(target: TestEvents.Agent2));

        // AddParticipantSucceeded and the roster showing the invitee were both lost.
        _store.Apply(_events.Reconciled(CallState.Connected, 1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent), TestEvents.In(TestEvents.Agent2)));

        var invitation = _store.Invitation();
        Assert.Equal(InvitationStatus.Accepted, invitation.Status);
        Assert.True(invitation.NoOutcomeFromAcs);
        Assert.Equal(0, _store.Current.Counts.PendingInvitations);
    }

    [Fact]
    public void ParticipantsUpdated_InviteeJoins_InvitationAcceptedAndLateSucceededIgnored()
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.Invite(target: TestEvents.Agent2));

        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent), TestEvents.In(TestEvents.Agent2)));

        Assert.Equal(InvitationStatus.Accepted, _store.Invitation().Status);
        Assert.Equal("Agent agent-0002…bbbbbbbb accepted the invitation (seen in the call; ACS sent no outcome)", _store.Current.Activity[0].Text);
        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.AddSucceeded()).Status);
    }

    [Fact]
    public void ParticipantsUpdated_InviteeAlreadyInTheCall_InvitationStaysOpen()
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.Invite(target: TestEvents.Agent));

        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        Assert.Equal(InvitationStatus.Pending, _store.Invitation().Status);
    }

    [Fact]
    public void ParticipantsUpdated_InviteeJoinsWhileCancelling_AcceptedAsALostRace()
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.Invite(target: TestEvents.Agent2));
        _store.MarkCancel("inv-1", StoreTestKit.Request());

        _store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent2)));

        var invitation = _store.Invitation();
        Assert.Equal(InvitationStatus.Accepted, invitation.Status);
        Assert.True(invitation.CancelLostRace);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InvitationExpired_Open_TimesOutWithNoAnswerFromAcs(bool cancelling)
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.Invite(target: TestEvents.Agent2));
        if (cancelling)
        {
            _store.MarkCancel("inv-1", StoreTestKit.Request());
        }

        Assert.Equal(ApplyStatus.Applied, _store.Apply(_events.InvitationExpired()).Status);

        var invitation = _store.Invitation();
        Assert.Equal(InvitationStatus.TimedOut, invitation.Status);
        Assert.True(invitation.NoOutcomeFromAcs);
        Assert.Equal(0, _store.Current.Counts.PendingInvitations);
        Assert.Equal("Invitation to Agent agent-0002…bbbbbbbb timed out (no answer from ACS)", _store.Current.Activity[0].Text);
    }

    [Fact]
    public void InvitationExpired_AlreadySettled_Ignored()
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.Invite(target: TestEvents.Agent2));
        _store.Apply(_events.AddSucceeded());

        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.InvitationExpired()).Status);
        Assert.Equal(InvitationStatus.Accepted, _store.Invitation().Status);
    }

    [Fact]
    public void MediaExpired_Running_ClosedAsExpired()
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.MediaStarted());

        Assert.Equal(ApplyStatus.Applied, _store.Apply(_events.MediaExpired()).Status);

        Assert.Equal(MediaStatus.Expired, _store.Media().Status);
        Assert.Equal(0, _store.Current.Counts.RunningMedia);
        Assert.Equal("Play \"hold music\": no end reported by ACS; shown as ended", _store.Current.Activity[0].Text);
    }

    [Fact]
    public void MediaExpired_AlreadyEnded_Ignored()
    {
        _store.WithConnectedCall(_events);
        _store.Apply(_events.MediaStarted());
        _store.Apply(_events.MediaEnded());

        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.MediaExpired()).Status);
        Assert.Equal(MediaStatus.Completed, _store.Media().Status);
    }

    [Fact]
    public void Reconcile_ManyReReads_DoNotPushCallbackIdsOutOfTheDeduplicationWindow()
    {
        var store = StoreTestKit.NewStore(maxEventIds: 3);
        var roster = _events.Roster(1, TestEvents.In(TestEvents.Caller));
        store.Apply(_events.Connected());
        store.Apply(roster);

        for (var i = 0; i < 10; i++)
        {
            store.Apply(_events.Reconciled(CallState.Connected, 1, TestEvents.In(TestEvents.Caller)));
        }

        Assert.Equal(ApplyStatus.Duplicate, store.Apply(roster).Status);
    }
}
