using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>Hold, resume, remove and hang up through the one executor: availability, the request, how ACS settles them, races.</summary>
public sealed class ParticipantActionTests : IDisposable
{
    private static readonly TelephonyError Gone = new(404, "8522", "Participant not found");
    private readonly ActionBoard _board = new ActionBoard(contactCenter: false).WithCall();

    public void Dispose() => _board.Dispose();

    private static string Agent => TestEvents.Agent.RawId;

    // ---- Hold -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Hold_ParticipantInTheCall_SendsHoldWithTheMusicAndMarksPending()
    {
        var receipt = await _board.Run(ActionKind.Hold, Agent);

        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Equal($"hold call-1 {Agent} {ActionBoard.HoldMusic} {receipt.OperationContext}", _board.Request);
        Assert.StartsWith("supervisor-hold:", receipt.OperationContext);
        Assert.NotNull(_board.Call.PendingFor(ActionKind.Hold, Agent));
        Assert.Equal(Availability.Refused($"Hold already requested by sam at 09:00:02 UTC; waiting for ACS to confirm"), _board.For(ActionKind.Hold, Agent));
    }

    [Fact]
    public async Task Hold_RosterShowsOnHold_ConfirmedAndResumeShownInstead()
    {
        var receipt = await _board.Run(ActionKind.Hold, Agent);

        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, onHold: true));

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Empty(_board.Call.PendingActions);
        Assert.Equal(AuditStatus.Confirmed, _board.Audit.Entries.Single().Status);
        var held = _board.Call;
        Assert.False(SupervisorActions.For(ActionKind.Hold).Shows(held, Agent));
        Assert.True(SupervisorActions.For(ActionKind.Resume).Shows(held, Agent));
        Assert.Equal(Availability.Refused("Already on hold"), SupervisorActions.For(ActionKind.Hold).Check(held, Agent));
    }

    [Fact]
    public async Task Hold_HoldFailedReported_FailedWithAcsWords()
    {
        var receipt = await _board.Run(ActionKind.Hold, Agent);

        _board.Report("HoldFailed", receipt.OperationContext, succeeded: false, new ResultInfo(400, 8510, "Media operation failed"));

        var outcome = _board.Outcome(receipt);
        Assert.Equal(ActionResult.Failed, outcome?.Result);
        Assert.Contains("Hold of ", outcome!.Text);
        Assert.Contains("Media operation failed", outcome.Text);
        Assert.Empty(_board.Call.PendingActions);
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Hold, Agent));
    }

    [Fact]
    public async Task Hold_ReportForAnotherOperation_Ignored()
    {
        await _board.Run(ActionKind.Hold, Agent);

        var outcome = _board.Report("HoldFailed", "supervisor-hold:someone-else", succeeded: false, new ResultInfo(400, 8510, "x"));

        Assert.False(outcome.IsApplied);
        Assert.Single(_board.Call.PendingActions);
    }

    [Fact]
    public async Task Hold_AcsRefuses_MarkUndoneAndFailed()
    {
        _board.Acs.Result = TelephonyResult<Unit>.Fail(Gone);

        var receipt = await _board.Run(ActionKind.Hold, Agent);

        Assert.Equal(ReceiptStatus.Failed, receipt.Status);
        Assert.Empty(_board.Call.PendingActions);
        Assert.Equal(ActionResult.Failed, _board.Outcome(receipt)?.Result);
        Assert.Equal(AuditStatus.Failed, _board.Audit.Entries.Single().Status);
    }

    [Fact]
    public async Task Hold_ParticipantLeavesFirst_Overtaken()
    {
        var receipt = await _board.Run(ActionKind.Hold, Agent);

        _board.Roster(TestEvents.In(TestEvents.Caller));

        Assert.Equal(ActionResult.Overtaken, _board.Outcome(receipt)?.Result);
    }

    [Fact]
    public void Hold_Refusals_SayWhy()
    {
        var hold = SupervisorActions.For(ActionKind.Hold);
        Assert.Equal(Availability.Refused("The participant is not in the call"), hold.Check(_board.Call, "8:acs:stranger"));
        Assert.False(hold.Shows(_board.Call, "8:acs:stranger"));
    }

    [Fact]
    public async Task Hold_GraphCall_RefusedNotShownAndNothingSent()
    {
        using var graph = new ActionBoard(contactCenter: false).WithCall(CallPlatform.Graph);

        var receipt = await graph.Run(ActionKind.Hold, Agent);

        Assert.Equal(ActionReceipt.Refused("Hold is available only on ACS calls"), receipt);
        Assert.False(SupervisorActions.For(ActionKind.Hold).Shows(graph.Call, Agent));
        Assert.Empty(graph.Acs.Requests);
    }

    // ---- Resume -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Resume_NotOnHold_RefusedNotShownNothingSent()
    {
        Assert.False(SupervisorActions.For(ActionKind.Resume).Shows(_board.Call, Agent));

        var receipt = await _board.Run(ActionKind.Resume, Agent);

        Assert.Equal(ActionReceipt.Refused("Not on hold"), receipt);
        Assert.Empty(_board.Acs.Requests);
    }

    [Fact]
    public async Task Resume_OnHold_SendsUnholdAndRosterConfirms()
    {
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, onHold: true));

        var receipt = await _board.Run(ActionKind.Resume, Agent);
        Assert.Equal($"unhold call-1 {Agent} {receipt.OperationContext}", _board.Request);
        Assert.StartsWith("supervisor-resume:", receipt.OperationContext);
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent));

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Contains("back from hold", _board.Outcome(receipt)!.Text);
    }

    [Fact]
    public async Task Resume_ParticipantLeftMeanwhile_OvertakenWithAnEntry()
    {
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, onHold: true));
        var receipt = await _board.Run(ActionKind.Resume, Agent);

        // The race: ACS answered the unhold of someone who was leaving; the roster no longer has them.
        _board.Roster(TestEvents.In(TestEvents.Caller));

        Assert.Equal(ActionResult.Overtaken, _board.Outcome(receipt)?.Result);
        Assert.Contains("left while on hold", _board.Store.Current.Activity.Select(a => a.Text).First(t => t.Contains("hold")));
    }

    [Fact]
    public async Task Resume_ParticipantAlreadyGoneAtAcs_FailedAndMarkUndone()
    {
        _board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, onHold: true));
        _board.Acs.Result = TelephonyResult<Unit>.Fail(Gone);

        var receipt = await _board.Run(ActionKind.Resume, Agent);

        Assert.Equal(ReceiptStatus.Failed, receipt.Status);
        Assert.Empty(_board.Call.PendingActions);
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Resume, Agent));
    }

    // ---- Remove -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Remove_Participant_SendsRemoveWithStableRepeatability()
    {
        var receipt = await _board.Run(ActionKind.Remove, Agent);

        Assert.Equal($"remove call-1 {Agent} {receipt.OperationContext}", _board.Request);
        Assert.Equal(_board.ExpectedRepeatability(receipt), Assert.Single(_board.Acs.OtherRepeatability));
        Assert.NotNull(SupervisorActions.For(ActionKind.Remove).Confirmation(_board.Call, Agent));
    }

    [Fact]
    public async Task Remove_RosterWithoutThem_Confirmed()
    {
        var receipt = await _board.Run(ActionKind.Remove, Agent);

        _board.Roster(TestEvents.In(TestEvents.Caller));

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Empty(_board.Call.PendingActions);
    }

    [Fact]
    public async Task Remove_RemoveParticipantFailed_FailedWithAcsWords()
    {
        var receipt = await _board.Run(ActionKind.Remove, Agent);

        _board.Report("RemoveParticipantFailed", receipt.OperationContext, succeeded: false, new ResultInfo(403, 8530, "Removing is not allowed"));

        Assert.Equal(ActionResult.Failed, _board.Outcome(receipt)?.Result);
        Assert.Contains("Removing is not allowed", _board.Outcome(receipt)!.Text);
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Remove, Agent));
    }

    [Fact]
    public async Task Remove_LastParticipant_CallEndsAndRemoveConfirmed()
    {
        _board.Roster(TestEvents.In(TestEvents.Agent));
        var confirmation = SupervisorActions.For(ActionKind.Remove).Confirmation(_board.Call, Agent);
        Assert.Contains("the call ends", confirmation!.Question);
        var receipt = await _board.Run(ActionKind.Remove, Agent);

        _board.Ended();

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
    }

    [Fact]
    public async Task Remove_OtherPendingWhenTheCallEnds_CallEndedNotConfirmed()
    {
        var receipt = await _board.Run(ActionKind.Hold, Agent);

        _board.Ended();

        Assert.Equal(ActionResult.CallEnded, _board.Outcome(receipt)?.Result);
    }

    // ---- Hang up ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task HangUp_LiveCall_SendsTerminateWithStableRepeatabilityAndCallDisconnectedConfirms()
    {
        Assert.NotNull(SupervisorActions.For(ActionKind.HangUp).Confirmation(_board.Call, ""));

        var receipt = await _board.Run(ActionKind.HangUp, "");
        Assert.Equal("terminate call-1", _board.Request);
        Assert.Equal(_board.ExpectedRepeatability(receipt), Assert.Single(_board.Acs.OtherRepeatability));
        Assert.Equal(Availability.Refused("Hang up already requested by sam at 09:00:02 UTC; waiting for ACS to confirm"), _board.For(ActionKind.HangUp));

        _board.Ended();

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Equal(AuditStatus.Confirmed, _board.Audit.Entries.Single().Status);
        Assert.Equal(Availability.Refused("The call has ended"), _board.For(ActionKind.HangUp));
    }

    [Fact]
    public async Task HangUp_AcsFails_MarkUndoneAndCanBeTriedAgain()
    {
        _board.Acs.Result = TelephonyResult<Unit>.Fail(new TelephonyError(500, "InternalError", "Try again"));

        var receipt = await _board.Run(ActionKind.HangUp, "");

        Assert.Equal(ReceiptStatus.Failed, receipt.Status);
        Assert.Equal(Availability.Ok, _board.For(ActionKind.HangUp));
    }

    // ---- Every new action: an Observer is refused and audited ---------------------------------------------------

    [Theory]
    [InlineData(ActionKind.Hold)]
    [InlineData(ActionKind.Resume)]
    [InlineData(ActionKind.Remove)]
    [InlineData(ActionKind.HangUp)]
    [InlineData(ActionKind.Listen)]
    [InlineData(ActionKind.Join)]
    [InlineData(ActionKind.Leave)]
    [InlineData(ActionKind.Assign)]
    [InlineData(ActionKind.TakeCall)]
    [InlineData(ActionKind.Transfer)]
    [InlineData(ActionKind.SetAgentState)]
    public async Task Execute_Observer_ForbiddenNothingSentNothingMarkedAndAudited(ActionKind kind)
    {
        var receipt = await _board.Run(kind, Agent, ActionBoard.Observer);

        Assert.Equal(ReceiptStatus.Forbidden, receipt.Status);
        Assert.Empty(_board.Acs.Requests);
        Assert.Empty(_board.Call.PendingActions);
        var entry = Assert.Single(_board.Audit.Entries);
        Assert.Equal((AuditStatus.Refused, kind, "Observer"), (entry.Status, entry.Record.Action, entry.Record.ActorRole));
    }

    // An empty or blank target (a button for the caller's own endpoint, a hand-made hub call) is refused and audited,
    // never thrown: the refusal's audit row names the action without a participant.
    [Theory]
    [InlineData(ActionKind.Hold, "")]
    [InlineData(ActionKind.Resume, " ")]
    [InlineData(ActionKind.Remove, "")]
    [InlineData(ActionKind.Mute, "")]
    [InlineData(ActionKind.Transfer, "")]
    [InlineData(ActionKind.Listen, "")]
    [InlineData(ActionKind.Leave, "")]
    public async Task Execute_BlankTarget_RefusedAndAuditedNotThrown(ActionKind kind, string target)
    {
        var receipt = await _board.Run(kind, target, ActionBoard.Sup("nobody"));

        Assert.Equal(ReceiptStatus.Refused, receipt.Status);
        Assert.Empty(_board.Acs.Requests);
        Assert.Equal(AuditStatus.Refused, Assert.Single(_board.Audit.Entries).Status);
    }

    [Theory]
    [InlineData(ActionKind.Listen)]
    [InlineData(ActionKind.Join)]
    [InlineData(ActionKind.Leave)]
    [InlineData(ActionKind.TakeCall)]
    [InlineData(ActionKind.HangUp)]
    public async Task Execute_ObserverOnACallWideButton_ForbiddenAndAuditedNotThrown(ActionKind kind)
    {
        var receipt = await _board.Run(kind, "", ActionBoard.Observer);

        Assert.Equal(ReceiptStatus.Forbidden, receipt.Status);
        Assert.Equal(AuditStatus.Refused, Assert.Single(_board.Audit.Entries).Status);
    }

    [Fact]
    public void Resume_GraphCallParticipantOnHold_NotShown()
    {
        using var graph = new ActionBoard(contactCenter: false).WithCall(CallPlatform.Graph);
        graph.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, onHold: true));

        Assert.False(SupervisorActions.For(ActionKind.Resume).Shows(graph.Call, Agent));
        Assert.Equal(Availability.Refused("Resume is available only on ACS calls"), SupervisorActions.For(ActionKind.Resume).Check(graph.Call, Agent));
    }

    [Theory]
    [InlineData(ActionKind.Hold, "Hold is available only on ACS calls")]
    [InlineData(ActionKind.Remove, "Remove is available only on ACS calls")]
    [InlineData(ActionKind.HangUp, "Hang up is available only on ACS calls")]
    [InlineData(ActionKind.Join, "Join is available only on ACS calls")]
    [InlineData(ActionKind.Leave, "Leave is available only on ACS calls")]
    public void Check_GraphCall_RefusedAndNotShown(ActionKind kind, string reason)
    {
        using var graph = new ActionBoard(contactCenter: false).WithCall(CallPlatform.Graph);
        var action = SupervisorActions.For(kind);

        Assert.Equal(Availability.Refused(reason), action.Check(graph.Call, Agent));
        Assert.False(action.Shows(graph.Call, Agent));
        Assert.DoesNotContain(action, SupervisorActions.AvailableOn(graph.Call, action.Scope, Agent));
    }
}
