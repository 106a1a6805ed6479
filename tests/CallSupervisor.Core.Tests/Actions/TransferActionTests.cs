using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>Transfer the caller from their agent to another agent (an offer that replaces them) or to a number.</summary>
public sealed class TransferActionTests : IDisposable
{
    private const string LeftAlone = "left; the caller is on the call with nobody";
    private readonly ActionBoard _board = new ActionBoard().WithAgentCall("ana");

    public void Dispose() => _board.Dispose();

    private static string Ana => ActionBoard.Ana.RawId;

    private Task<ActionReceipt> TransferTo(string to) => _board.Run(ActionKind.Transfer, "", null, (TransferAction.ToArgument, to));

    private bool WarnedLeftAlone() => _board.Store.Current.Activity.Any(a => a.Text.Contains(LeftAlone, StringComparison.Ordinal));

    [Fact]
    public async Task Transfer_ToAnAgent_SendsTheSwapWithStableRepeatabilityAndOffersTheAgent()
    {
        Assert.True(SupervisorActions.For(ActionKind.Transfer).Shows(_board.Call, ""));
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Transfer));

        var receipt = await TransferTo("ben");

        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Equal($"transfer call-1 {Ana} -> {ActionBoard.Ben.RawId} {receipt.OperationContext}", _board.Request);
        Assert.Equal(_board.ExpectedRepeatability(receipt), Assert.Single(_board.Acs.OtherRepeatability));
        var offer = _board.Call.Offer;
        Assert.Equal(("ben", Ana, receipt.OperationContext), (offer?.AgentId, offer?.Replaces, offer?.OperationContext));
        Assert.Equal(AgentState.Offered, _board.Agent("ben").State);
        Assert.Equal("ana", _board.Call.AgentId);
        Assert.DoesNotContain(Router.Decide(_board.Store.Current, _board.Directory, new RoutingOptions(), _board.Events.Now).OfType<OfferCall>(), o => o.Agent.Id == "ben");
    }

    [Fact]
    public async Task Transfer_Accepted_NewAgentsCallPreviousWrapsUpNoWarning()
    {
        var answered = _board.Call.AnsweredAt;
        var receipt = await TransferTo("ben");

        _board.Report("CallTransferAccepted", receipt.OperationContext, succeeded: true);
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(ActionBoard.Ben));

        var call = _board.Call;
        Assert.Equal(("ben", ActionBoard.Ben, (Offer?)null, (DateTimeOffset?)null), (call.AgentId, call.AgentIdentity, call.Offer, call.AgentLeftAt));
        Assert.Equal(answered, call.AnsweredAt);
        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Equal("Transferred to Ben Okafor", _board.Outcome(receipt)!.Text);
        Assert.Equal(AgentState.OnCall, _board.Agent("ben").State);
        Assert.Equal((AgentState.WrapUp, 1), (_board.Agent("ana").State, _board.Agent("ana").HandledToday));
        Assert.False(WarnedLeftAlone());
        Assert.Equal(AuditStatus.Confirmed, _board.Audit.Entries.Single(e => e.Record.AuditId == receipt.OperationContext).Status);
    }

    [Fact]
    public async Task Transfer_RosterShowsTheSwapFirst_ConfirmedAndTheLateCallbackIgnored()
    {
        var receipt = await TransferTo("ben");

        // ACS's rosters in between: Ana gone before Ben is in — no warning either.
        _board.Roster(TestEvents.In(TestEvents.Caller));
        Assert.False(WarnedLeftAlone());
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(ActionBoard.Ben));

        Assert.Equal("ben", _board.Call.AgentId);
        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Equal(AgentState.WrapUp, _board.Agent("ana").State);
        Assert.Equal(AgentState.OnCall, _board.Agent("ben").State);
        Assert.False(_board.Report("CallTransferAccepted", receipt.OperationContext, succeeded: true).IsApplied);
        Assert.False(WarnedLeftAlone());
    }

    [Fact]
    public async Task Transfer_Failed_FailedWithAcsWordsOfferClearedCallerStaysWithTheAgent()
    {
        var receipt = await TransferTo("ben");

        _board.Report("CallTransferFailed", receipt.OperationContext, succeeded: false, new ResultInfo(603, 7000, "Call transfer declined"));

        var outcome = _board.Outcome(receipt);
        Assert.Equal(ActionResult.Failed, outcome?.Result);
        Assert.Contains("Call transfer declined", outcome!.Text);
        Assert.Contains("the caller stays with", outcome.Text);
        Assert.Null(_board.Call.Offer);
        Assert.Equal(("ana", (DateTimeOffset?)null), (_board.Call.AgentId, _board.Call.AgentLeftAt));
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
        Assert.Equal(AgentState.OnCall, _board.Agent("ana").State);
        Assert.Equal(AuditStatus.Failed, _board.Audit.Entries.Single(e => e.Record.AuditId == receipt.OperationContext).Status);
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Transfer));
    }

    [Fact]
    public async Task Transfer_AcsRefusesTheRequest_OfferUndoneAndTheAgentFree()
    {
        _board.Acs.Result = TelephonyResult<Unit>.Fail(new TelephonyError(400, "BadRequest", "Invalid transfer target"));

        var receipt = await TransferTo("ben");

        Assert.Equal(ReceiptStatus.Failed, receipt.Status);
        Assert.Null(_board.Call.Offer);
        Assert.Empty(_board.Call.PendingActions);
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
    }

    [Fact]
    public async Task Transfer_ToABusyAgent_RefusedNothingSent()
    {
        _board.SetPresence("ben", AgentPresence.Away);

        Assert.Equal(ActionReceipt.Refused("Ben Okafor is not available (Away)"), await TransferTo("ben"));
        Assert.Empty(_board.Acs.Requests);
    }

    [Fact]
    public async Task Transfer_RouterOfferedTheAgentFirst_RefusedByTheStore()
    {
        _board.Apply(new CallConnected("c2", TestEvents.Call2, _board.Events.Now, CallPlatform.Acs, null, null, CommunicationIdentifier.Phone("+14255550100"), null));
        _board.Apply(new CallQueued("q2", TestEvents.Call2, _board.Events.Now, "sales"));
        _board.BeforeNextMark = () => _board.RouterOffers("ben", TestEvents.Call2);

        var receipt = await TransferTo("ben");

        Assert.Equal(ActionReceipt.Refused("Ben Okafor is being offered another call (call-2)"), receipt);
        Assert.Empty(_board.Acs.Requests);
        Assert.Null(_board.Call.Offer);
    }

    [Theory]
    [InlineData("+14255550177", "4:+14255550177")]
    [InlineData("+1 (425) 555-0177", "4:+14255550177")]
    [InlineData(" +44 20 7946 0958 ", "4:+442079460958")]
    public async Task Transfer_ToANumber_SendsTheNumber(string to, string rawId)
    {
        var receipt = await TransferTo(to);

        Assert.Equal($"transfer call-1 {Ana} -> {rawId} {receipt.OperationContext}", _board.Request);
        Assert.Null(_board.Call.Offer);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+0123456789")]
    [InlineData("+123")]
    [InlineData("+1234567890123456")]
    [InlineData("call me")]
    public async Task Transfer_ToAnInvalidNumber_RefusedSayingWhatIsExpected(string to)
    {
        var receipt = await TransferTo(to);

        Assert.Equal(ActionReceipt.Refused($"'{to.Trim()}' is neither an agent nor a phone number in international form (+ and 7 to 15 digits)"), receipt);
        Assert.Empty(_board.Acs.Requests);
    }

    [Fact]
    public async Task Transfer_NoDestination_Refused()
    {
        Assert.Equal(ActionReceipt.Refused("Choose an agent or enter a phone number"), await TransferTo("  "));
    }

    [Fact]
    public async Task Transfer_ToANumberAccepted_TransferredToAgentWrapsUpNoWarningNotStranded()
    {
        var receipt = await TransferTo("+14255550177");

        // The agent leaves as the transfer goes through: expected while it is pending.
        _board.Roster(TestEvents.In(TestEvents.Caller));
        Assert.False(WarnedLeftAlone());
        _board.Report("CallTransferAccepted", receipt.OperationContext, succeeded: true);
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(CommunicationIdentifier.Phone("+14255550177")));

        var call = _board.Call;
        Assert.Equal("4:+14255550177", call.TransferredTo?.RawId);
        Assert.NotNull(call.AgentLeftAt);
        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Equal(AgentState.WrapUp, _board.Agent("ana").State);
        Assert.False(WarnedLeftAlone());
        Assert.False(SupervisorActions.For(ActionKind.Assign).Shows(call, ""));
    }

    [Fact]
    public async Task Transfer_ToANumberFailed_FailedAndTheCallStaysWithTheAgent()
    {
        var receipt = await TransferTo("+14255550177");

        _board.Report("CallTransferFailed", receipt.OperationContext, succeeded: false, new ResultInfo(408, 0, "No answer"));

        Assert.Equal(ActionResult.Failed, _board.Outcome(receipt)?.Result);
        Assert.Null(_board.Call.TransferredTo);
        Assert.Equal("ana", _board.Call.AgentId);
    }

    [Fact]
    public void Transfer_QueuedCallerWithNoAgent_RefusedAndNotShown()
    {
        using var queued = new ActionBoard().WithQueuedCaller();

        Assert.False(SupervisorActions.For(ActionKind.Transfer).Shows(queued.Call, ""));
        Assert.Equal(Availability.Refused("No agent is in the call to hand over: assign one instead"), queued.For(ActionKind.Transfer));
    }

    [Fact]
    public async Task Transfer_CallEndsWhilePending_CallEndedAndTheOfferGone()
    {
        var receipt = await TransferTo("ben");

        _board.Ended();

        Assert.Equal(ActionResult.CallEnded, _board.Outcome(receipt)?.Result);
        Assert.Null(_board.Call.Offer);
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
    }

    [Fact]
    public async Task Transfer_ToANumberFailsAfterTheAgentLeft_TheCallerIsStrandedAndSaidSo()
    {
        var receipt = await TransferTo("+14255550177");
        _board.Roster(TestEvents.In(TestEvents.Caller));
        Assert.False(WarnedLeftAlone());

        _board.Report("CallTransferFailed", receipt.OperationContext, succeeded: false, new ResultInfo(408, 0, "No answer"));

        Assert.NotNull(_board.Call.AgentLeftAt);
        Assert.True(WarnedLeftAlone());
        Assert.True(SupervisorActions.For(ActionKind.Assign).Shows(_board.Call, ""));
        Assert.Equal(AgentState.WrapUp, _board.Agent("ana").State);
    }

    [Fact]
    public async Task Transfer_StillRingingPastTheConfirmationTimeout_KeptThenReleasedPastTheLongestRing()
    {
        var receipt = await TransferTo("ben");

        // A transfer has no invitation to follow: kept while the target may still answer (ACS rings up to 180 s).
        Assert.False(_board.Apply(new ActionExpired("exp-0", TestEvents.Call1, _board.Events.Now.AddMinutes(1), receipt.OperationContext!)).IsApplied);
        Assert.Equal(AgentState.Offered, _board.Agent("ben").State);

        _board.Apply(new ActionExpired("exp-1", TestEvents.Call1, _board.Events.Now.AddMinutes(5), receipt.OperationContext!));

        Assert.Equal(ActionResult.NotConfirmed, _board.Outcome(receipt)?.Result);
        Assert.Null(_board.Call.Offer);
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
    }

    [Fact]
    public async Task Transfer_ToANumber_TheAuditRowSaysWhereTheCallerWent()
    {
        var receipt = await TransferTo("+1 425 555 0123");

        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Contains("to +1 425-555-0123 (4:+14255550123)", _board.Audit.Entries.Single().Record.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_FailedNotByTheTarget_NotCountedAsTheirMissedOffer()
    {
        var receipt = await TransferTo("ben");

        _board.Report("CallTransferFailed", receipt.OperationContext, succeeded: false, new ResultInfo(487, 0, "The transferee left"));

        Assert.Equal(0, _board.Agent("ben").MissedInARow);
        Assert.Equal(0, _board.Call.MissedOffers);
    }

    [Fact]
    public async Task Transfer_ToAnAgentAlreadyInTheCall_RefusedNothingSent()
    {
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(ActionBoard.Ana), TestEvents.In(ActionBoard.Ben));

        Assert.Equal(ActionReceipt.Refused("Ben Okafor is in this call already"), await TransferTo("ben"));
        Assert.Empty(_board.Acs.Requests);
    }
}
