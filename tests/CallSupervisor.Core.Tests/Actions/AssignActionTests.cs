using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>Assign and take the call: an offer outside the queue's order, treated by the routing like any other.</summary>
public sealed class AssignActionTests : IDisposable
{
    private readonly ActionBoard _board = new();

    public void Dispose() => _board.Dispose();

    private Task<ActionReceipt> Assign(string agentId) => _board.Run(ActionKind.Assign, agentId);

    private void Joined(ActionReceipt receipt, CommunicationIdentifier who)
    {
        _board.Apply(new AddParticipantSucceeded("joined-" + receipt.OperationContext, TestEvents.Call1, _board.Events.Now, receipt.OperationContext, who));
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(who));
    }

    private void Declined(ActionReceipt receipt) =>
        _board.Apply(new AddParticipantFailed("declined-" + receipt.OperationContext, TestEvents.Call1, _board.Events.Now, receipt.OperationContext, null, new ResultInfo(603, 0, "Declined")));

    private IReadOnlyList<RoutingDecision> Decide() =>
        Router.Decide(_board.Store.Current, _board.Directory, new RoutingOptions(), _board.Events.Now);

    [Fact]
    public async Task Assign_QueuedCaller_OffersTheChosenAgentWithStableRepeatability()
    {
        _board.WithQueuedCaller();
        Assert.True(SupervisorActions.For(ActionKind.Assign).Shows(_board.Call, ""));
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Assign));

        var receipt = await Assign("ben");

        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Equal($"add call-1 {ActionBoard.Ben.RawId} {receipt.OperationContext} 30", _board.Request);
        Assert.Equal(_board.ExpectedRepeatability(receipt), Assert.Single(_board.Acs.AddRepeatability));
        var offer = _board.Call.Offer;
        Assert.Equal(("ben", "Ben Okafor", receipt.OperationContext, new InvitationId("inv-1")), (offer?.AgentId, offer?.AgentName, offer?.OperationContext, offer?.InvitationId));
        Assert.Equal(AgentState.Offered, _board.Agent("ben").State);
        // The router offers neither this call nor Ben meanwhile.
        Assert.DoesNotContain(Decide().OfType<OfferCall>(), o => o.CallId == TestEvents.Call1 || o.Agent.Id == "ben");
        Assert.Equal(Availability.Refused("Already offered to Ben Okafor: cancel that invitation first"), _board.For(ActionKind.Assign));
    }

    [Fact]
    public async Task Assign_AgentJoins_TheirCallAndConfirmed()
    {
        _board.WithQueuedCaller();
        var receipt = await Assign("ben");

        Joined(receipt, ActionBoard.Ben);

        var call = _board.Call;
        Assert.Equal(("ben", ActionBoard.Ben, (DateTimeOffset?)null, (Offer?)null), (call.AgentId, call.AgentIdentity, call.AgentLeftAt, call.Offer));
        Assert.False(call.IsQueued);
        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Equal("Ben Okafor took the call", _board.Outcome(receipt)!.Text);
        Assert.Equal(AgentState.OnCall, _board.Agent("ben").State);
        Assert.Equal(AuditStatus.Confirmed, _board.Audit.Entries.Single(e => e.Record.AuditId == receipt.OperationContext).Status);
    }

    [Fact]
    public async Task Assign_AgentDeclines_OvertakenAndTheCallerFirstInLineAgain()
    {
        _board.WithQueuedCaller();
        var receipt = await Assign("ben");

        Declined(receipt);

        Assert.Null(_board.Call.Offer);
        Assert.True(_board.Call.IsQueued);
        Assert.Equal(1, _board.Call.MissedOffers);
        Assert.Equal(ActionResult.Overtaken, _board.Outcome(receipt)?.Result);
        Assert.Equal("Ben Okafor did not take the call (Failed)", _board.Outcome(receipt)!.Text);
        Assert.Equal((AgentState.Available, 1), (_board.Agent("ben").State, _board.Agent("ben").MissedInARow));
        Assert.Contains(Decide().OfType<OfferCall>(), o => o.CallId == TestEvents.Call1);
    }

    [Fact]
    public async Task Assign_AcsRefusesTheAdd_OfferUndoneAndTheAgentFree()
    {
        _board.WithQueuedCaller();
        _board.Acs.AddResult = TelephonyResult<InvitationId>.Fail(new TelephonyError(400, "BadRequest", "Invalid target"));

        var receipt = await Assign("ben");

        Assert.Equal(ReceiptStatus.Failed, receipt.Status);
        Assert.Null(_board.Call.Offer);
        Assert.Empty(_board.Call.PendingActions);
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
        Assert.True(_board.Call.IsQueued);
    }

    [Fact]
    public async Task Assign_StrandedCaller_AgentJoinsAndTheCallIsTheirs()
    {
        _board.WithAgentCall("ana");
        _board.Roster(TestEvents.In(TestEvents.Caller));
        Assert.NotNull(_board.Call.AgentLeftAt);
        Assert.True(SupervisorActions.For(ActionKind.Assign).Shows(_board.Call, ""));
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Assign));

        var receipt = await Assign("ben");
        Joined(receipt, ActionBoard.Ben);

        var call = _board.Call;
        Assert.Equal(("ben", (DateTimeOffset?)null), (call.AgentId, call.AgentLeftAt));
        Assert.NotEqual(call.AnsweredAt, call.AgentSince);
        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Equal(AgentState.OnCall, _board.Agent("ben").State);
        Assert.Equal(AgentState.WrapUp, _board.Agent("ana").State);
        Assert.DoesNotContain(_board.Store.Current.Activity, a => a.Text.StartsWith("Ben", StringComparison.Ordinal) && a.Text.Contains("left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assign_StrandedCallerAgentDeclines_StillStrandedAndAssignableAgain()
    {
        _board.WithAgentCall("ana");
        _board.Roster(TestEvents.In(TestEvents.Caller));
        var receipt = await Assign("ben");

        Declined(receipt);

        Assert.Equal(ActionResult.Overtaken, _board.Outcome(receipt)?.Result);
        Assert.Equal(("ana", true), (_board.Call.AgentId, _board.Call.AgentLeftAt is not null));
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Assign));
    }

    [Fact]
    public void Assign_CallWithItsAgent_RefusedAndNotShown()
    {
        _board.WithAgentCall("ana");

        Assert.False(SupervisorActions.For(ActionKind.Assign).Shows(_board.Call, ""));
        Assert.Equal(Availability.Refused("The call already has its agent"), _board.For(ActionKind.Assign));
    }

    [Fact]
    public async Task Assign_AgentOnAnotherCall_RefusedNothingSentAndAudited()
    {
        _board.WithQueuedCaller();
        _board.SetPresence("eli", AgentPresence.Away);

        var receipt = await Assign("eli");

        Assert.Equal(ActionReceipt.Refused("Eli Haddad is not available (Away)"), receipt);
        Assert.Empty(_board.Acs.Requests);
        Assert.Equal(AuditStatus.Refused, Assert.Single(_board.Audit.Entries).Status);
    }

    [Theory]
    [InlineData("", "Choose an agent")]
    [InlineData("zed", "There is no agent 'zed'")]
    public async Task Assign_NoSuchAgent_Refused(string agentId, string reason)
    {
        _board.WithQueuedCaller();

        Assert.Equal(ActionReceipt.Refused(reason), await Assign(agentId));
        Assert.Empty(_board.Acs.Requests);
    }

    [Fact]
    public async Task Assign_RouterOfferedTheAgentAnotherCallFirst_RefusedByTheStoreNothingSent()
    {
        _board.WithQueuedCaller();
        _board.Apply(new CallConnected("c2", TestEvents.Call2, _board.Events.Now, CallPlatform.Acs, null, null, CommunicationIdentifier.Phone("+14255550100"), null));
        _board.Apply(new CallQueued("q2", TestEvents.Call2, _board.Events.Now, "sales"));
        // Ben is free when the assignment is checked; the router's offer lands before it is marked.
        _board.BeforeNextMark = () => _board.RouterOffers("ben", TestEvents.Call2);

        var receipt = await Assign("ben");

        Assert.Equal(ActionReceipt.Refused("Ben Okafor is being offered another call (call-2)"), receipt);
        Assert.Empty(_board.Acs.Requests);
        Assert.Null(_board.Call.Offer);
        Assert.Equal(TestEvents.Call2, _board.Agent("ben").OfferCallId);
        Assert.Equal(AuditStatus.Refused, Assert.Single(_board.Audit.Entries).Status);
    }

    [Fact]
    public async Task RouterOffer_AgentAssignedAnotherCallFirst_RefusedByTheStore()
    {
        _board.WithQueuedCaller();
        _board.Apply(new CallConnected("c2", TestEvents.Call2, _board.Events.Now, CallPlatform.Acs, null, null, CommunicationIdentifier.Phone("+14255550100"), null));
        _board.Apply(new CallQueued("q2", TestEvents.Call2, _board.Events.Now, "sales"));
        Assert.Equal(ReceiptStatus.Accepted, (await Assign("ben")).Status);

        // The router decided on a board where Ben was still free; its plan lands after the assignment.
        var ben = _board.Directory.Agent("ben")!;
        var planned = _board.Apply(new OfferPlanned("late", TestEvents.Call2, _board.Events.Now, "ben", ben.Identity, "offer-late") { AgentName = ben.Name });

        Assert.False(planned.IsApplied);
        Assert.Equal(TestEvents.Call1, _board.Agent("ben").OfferCallId);
        Assert.Null(_board.Store.Current.Find(TestEvents.Call2)!.Offer);
    }

    [Fact]
    public async Task Assign_AgentTookAnotherCallMeanwhile_RefusedByTheStore()
    {
        _board.WithQueuedCaller();
        _board.Apply(new CallConnected("c2", TestEvents.Call2, _board.Events.Now, CallPlatform.Acs, null, null, CommunicationIdentifier.Phone("+14255550100"), null));
        _board.Apply(new CallQueued("q2", TestEvents.Call2, _board.Events.Now, "sales"));
        _board.BeforeNextMark = () =>
        {
            var context = _board.RouterOffers("ben", TestEvents.Call2);
            _board.Apply(new AddParticipantSucceeded("j2", TestEvents.Call2, _board.Events.Now, context, ActionBoard.Ben));
        };

        var receipt = await Assign("ben");

        Assert.Equal(ActionReceipt.Refused("Ben Okafor is on another call (call-2)"), receipt);
        Assert.Empty(_board.Acs.Requests);
    }

    [Fact]
    public async Task Assign_WhileTheRouterOffersTheCall_Refused()
    {
        _board.WithQueuedCaller();
        _board.RouterOffers("ana");

        Assert.Equal(Availability.Refused("Already offered to Ana Lima: cancel that invitation first"), _board.For(ActionKind.Assign));
        Assert.Equal(ActionReceipt.Refused("Already offered to Ana Lima: cancel that invitation first"), await Assign("ben"));
    }

    [Fact]
    public async Task TakeCall_Supervisor_TheirEndpointOfferedAndTheCallTheirsWithAWrapUpAfter()
    {
        _board.WithQueuedCaller();
        Assert.Equal(Availability.Ok, _board.For(ActionKind.TakeCall));

        var receipt = await _board.Run(ActionKind.TakeCall, "");
        Assert.Equal($"add call-1 {ActionBoard.Sam.RawId} {receipt.OperationContext} 30", _board.Request);
        Assert.Equal(_board.ExpectedRepeatability(receipt), Assert.Single(_board.Acs.AddRepeatability));
        Joined(receipt, ActionBoard.Sam);

        Assert.Equal("sam", _board.Call.AgentId);
        Assert.Equal("Sam Supervisor took the call", _board.Outcome(receipt)?.Text);
        Assert.Equal(AgentState.OnCall, _board.Agent("sam").State);

        _board.Ended();
        Assert.Equal(AgentState.WrapUp, _board.Agent("sam").State);
        var later = _board.Events.Now.AddMinutes(5);
        Assert.Contains(Router.Decide(_board.Store.Current, _board.Directory, new RoutingOptions(), later).OfType<SetPresence>(), p => p.AgentId == "sam");
    }

    [Fact]
    public async Task TakeCall_Again_AfterTheFirstCallsWrapUp_TheSupervisorIsOfferedAgain()
    {
        _board.WithQueuedCaller();
        var first = await _board.Run(ActionKind.TakeCall, "");
        Joined(first, ActionBoard.Sam);
        _board.Ended();
        // Their wrap-up ends as anyone's: the presence they had, which for someone who never signed in is Offline.
        foreach (var end in Router.Decide(_board.Store.Current, _board.Directory, new RoutingOptions(), _board.Events.Now.AddMinutes(5)).OfType<SetPresence>().Where(p => p.AgentId == "sam"))
        {
            _board.Apply(new AgentStateChanged("wrap-" + end.AgentId, _board.Events.Now.AddMinutes(5), end.AgentId, end.Presence, end.Reason));
        }

        _board.Apply(new CallConnected("c2", TestEvents.Call2, _board.Events.Now, CallPlatform.Acs, null, null, CommunicationIdentifier.Phone("+14255550100"), null));
        _board.Apply(new CallQueued("q2", TestEvents.Call2, _board.Events.Now, "sales"));
        var second = await _board.Executor.ExecuteAsync(new ActionRequest(ActionKind.TakeCall, TestEvents.Call2, "", ActionBoard.Sup()), _board.Token);

        Assert.Equal(ReceiptStatus.Accepted, second.Status);
    }

    [Fact]
    public async Task TakeCall_SupervisorWithoutAnEndpoint_ToldHowToSetIt()
    {
        _board.WithQueuedCaller();

        Assert.Equal(Availability.Refused(MonitorAction.NoEndpoint), _board.For(ActionKind.TakeCall, actor: ActionBoard.Sup("nobody")));
        Assert.Equal(ActionReceipt.Refused(MonitorAction.NoEndpoint), await _board.Run(ActionKind.TakeCall, "", ActionBoard.Sup("nobody")));
    }

    [Fact]
    public async Task Assign_CallerHangsUpWhileItRings_CallEndedAndTheAgentFree()
    {
        _board.WithQueuedCaller();
        var receipt = await Assign("ben");

        _board.Ended();

        Assert.Equal(ActionResult.CallEnded, _board.Outcome(receipt)?.Result);
        Assert.Null(_board.Call.Offer);
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
    }

    [Fact]
    public async Task Assign_NotConfirmed_ExpiredTheOfferGoneAndTheCallerFirstInLine()
    {
        _board.WithQueuedCaller();
        _board.LoseInvitations = true;
        var receipt = await Assign("ben");

        _board.Apply(new ActionExpired("exp-1", TestEvents.Call1, _board.Events.Now.AddMinutes(1), receipt.OperationContext!));

        Assert.Equal(ActionResult.NotConfirmed, _board.Outcome(receipt)?.Result);
        Assert.Null(_board.Call.Offer);
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
        Assert.Contains(Decide().OfType<OfferCall>(), o => o.CallId == TestEvents.Call1);
    }

    [Fact]
    public async Task Assign_ConfirmationTimeoutWhileTheInvitationRings_KeptUntilTheInvitationEnds()
    {
        _board.WithQueuedCaller();
        var receipt = await Assign("ben");

        // The board's confirmation timeout passes first (the invitation may ring longer): the offer stands, so the
        // caller is not offered to a second agent while Ben's phone rings.
        var expired = _board.Apply(new ActionExpired("exp-1", TestEvents.Call1, _board.Events.Now.AddSeconds(31), receipt.OperationContext!));

        Assert.False(expired.IsApplied);
        Assert.Equal("ben", _board.Call.Offer?.AgentId);
        Assert.Equal(AgentState.Offered, _board.Agent("ben").State);
        Assert.DoesNotContain(Decide().OfType<OfferCall>(), o => o.CallId == TestEvents.Call1);

        _board.Apply(new AddParticipantFailed("timeout-1", TestEvents.Call1, _board.Events.Now.AddSeconds(32), receipt.OperationContext, ActionBoard.Ben, new ResultInfo(408, 0, "Timed out")));

        Assert.Equal(ActionResult.Overtaken, _board.Outcome(receipt)?.Result);
        Assert.Equal(1, _board.Agent("ben").MissedInARow);
        Assert.True(_board.Call.IsQueued);
    }

    [Fact]
    public async Task TakeCall_WhileListeningInTheCall_RefusedSayingWhatToDoNothingSent()
    {
        _board.WithAgentCall("ana");
        await _board.Run(ActionKind.Listen, "");
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(ActionBoard.Ana), TestEvents.In(ActionBoard.Sam, muted: true));
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(ActionBoard.Sam, muted: true));
        Assert.NotNull(_board.Call.AgentLeftAt);
        _board.Acs.Requests.Clear();

        var receipt = await _board.Run(ActionKind.TakeCall, "");

        Assert.Equal(ActionReceipt.Refused(TakeCallAction.AlreadyInCall), receipt);
        Assert.Equal(Availability.Refused(TakeCallAction.AlreadyInCall), _board.For(ActionKind.TakeCall));
        Assert.Empty(_board.Acs.Requests);
        Assert.Null(_board.Call.Offer);
    }

    [Fact]
    public async Task Assign_AgentAlreadyInTheCall_RefusedNothingSent()
    {
        _board.WithAgentCall("ana");
        // Ben is in the call (brought in another way) while the caller's agent left.
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(ActionBoard.Ben));
        _board.Acs.Requests.Clear();

        Assert.Equal(ActionReceipt.Refused("Ben Okafor is in this call already"), await Assign("ben"));
        Assert.Empty(_board.Acs.Requests);
    }
}
