using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>Listen in, join and leave: the supervisor's own endpoint invited, shown, muted once by the router, removed.</summary>
public sealed class MonitorActionTests : IDisposable
{
    private readonly ActionBoard _board = new ActionBoard().WithAgentCall();

    public void Dispose() => _board.Dispose();

    private static string Sam => ActionBoard.Sam.RawId;

    private ParticipantState[] With(params ParticipantState[] more) =>
        [TestEvents.In(TestEvents.Caller), TestEvents.In(ActionBoard.Ana), .. more];

    private IEnumerable<MuteListener> MuteDecisions() =>
        Router.Decide(_board.Store.Current, _board.Directory, new RoutingOptions(), _board.Events.Now).OfType<MuteListener>();

    [Fact]
    public async Task Listen_SupervisorWithAnAcsEndpoint_InvitesItShowsThemAndAppliesTheInvitation()
    {
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Listen));

        var receipt = await _board.Run(ActionKind.Listen, "");

        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Equal($"add call-1 {Sam} {receipt.OperationContext} 30", _board.Request);
        Assert.StartsWith("supervisor-listen:", receipt.OperationContext);
        Assert.Equal(_board.ExpectedRepeatability(receipt), Assert.Single(_board.Acs.AddRepeatability));
        var pending = _board.Pending(receipt.OperationContext!);
        Assert.Equal((Sam, "Sam Supervisor"), (pending?.Target, pending?.Argument(MonitorAction.NameArgument)));
        var invitation = _board.Call.Invitations[new InvitationId("inv-1")];
        Assert.Equal((Sam, receipt.OperationContext, true), (invitation.Target.RawId, invitation.OperationContext, invitation.IsOpen));
        var there = _board.Call.Supervisors[Sam];
        Assert.Equal(("Sam Supervisor", MonitorMode.Listening, false), (there.Supervisor, there.Mode, there.InCall));
        Assert.Equal(ParticipantRole.Supervisor, _board.Call.Roles[Sam]);
        Assert.False(_board.For(ActionKind.Listen).Allowed);
    }

    [Fact]
    public async Task Listen_EndpointInTheRoster_ConfirmedAndTheRouterMutesItOnce()
    {
        var receipt = await _board.Run(ActionKind.Listen, "");

        _board.Roster(With(TestEvents.In(ActionBoard.Sam)));

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Equal("Sam Supervisor is listening", _board.Outcome(receipt)!.Text);
        Assert.True(_board.Call.Supervisors[Sam].InCall);
        var mute = Assert.Single(MuteDecisions());
        Assert.Equal((TestEvents.Call1, ActionBoard.Sam), (mute.CallId, mute.Endpoint));

        _board.Roster(With(TestEvents.In(ActionBoard.Sam, muted: true)));

        Assert.True(_board.Call.Supervisors[Sam].MutedOnce);
        Assert.Empty(MuteDecisions());
        Assert.Equal(Availability.Refused("You are already listening"), _board.For(ActionKind.Listen));
    }

    [Fact]
    public async Task Listen_ListenerUnmutesThemselves_JoinedAndNotMutedAgain()
    {
        await _board.Run(ActionKind.Listen, "");
        _board.Roster(With(TestEvents.In(ActionBoard.Sam, muted: true)));

        _board.Roster(With(TestEvents.In(ActionBoard.Sam)));

        Assert.Equal(MonitorMode.Joined, _board.Call.Supervisors[Sam].Mode);
        Assert.Contains(_board.Store.Current.Activity, a => a.Text == "Sam Supervisor unmuted and joined the conversation");
        Assert.Empty(MuteDecisions());
    }

    [Fact]
    public async Task Listen_PhoneEndpoint_ConfirmedWithTheWordToKeepTheirDeviceMutedAndNeverMutedByTheRouter()
    {
        var receipt = await _board.Run(ActionKind.Listen, "", ActionBoard.Sup("pat"));
        Assert.Equal($"add call-1 {ActionBoard.PatPhone.RawId} {receipt.OperationContext} 30", _board.Request);

        _board.Roster(With(TestEvents.In(ActionBoard.PatPhone)));

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.StartsWith("Pat Phone is listening — keep your own device muted", _board.Outcome(receipt)!.Text);
        Assert.Empty(MuteDecisions());
    }

    [Fact]
    public async Task Listen_SupervisorWithoutAnEndpoint_ToldHowToSetItNothingSentAndAudited()
    {
        Assert.Equal(Availability.Refused(MonitorAction.NoEndpoint), _board.For(ActionKind.Listen, actor: ActionBoard.Sup("nobody")));

        var receipt = await _board.Run(ActionKind.Listen, "", ActionBoard.Sup("nobody"));

        Assert.Equal(ActionReceipt.Refused(MonitorAction.NoEndpoint), receipt);
        Assert.Contains("Workflow:Supervisors", MonitorAction.NoEndpoint);
        Assert.Empty(_board.Acs.Requests);
        Assert.Equal(AuditStatus.Refused, Assert.Single(_board.Audit.Entries).Status);
    }

    [Fact]
    public async Task Listen_InvitationDeclined_OvertakenAndTheSupervisorNotShown()
    {
        var receipt = await _board.Run(ActionKind.Listen, "");

        _board.Apply(new AddParticipantFailed("declined-1", TestEvents.Call1, _board.Events.Now, receipt.OperationContext, ActionBoard.Sam, new ResultInfo(603, 0, "Declined")));

        Assert.Equal(ActionResult.Overtaken, _board.Outcome(receipt)?.Result);
        Assert.Empty(_board.Call.Supervisors);
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Listen));
    }

    [Fact]
    public async Task Listen_AcsRefusesTheAdd_MarkUndone()
    {
        _board.Acs.AddResult = TelephonyResult<InvitationId>.Fail(new TelephonyError(403, "Forbidden", "Not allowed"));

        var receipt = await _board.Run(ActionKind.Listen, "");

        Assert.Equal(ReceiptStatus.Failed, receipt.Status);
        Assert.Empty(_board.Call.Supervisors);
        Assert.Empty(_board.Call.PendingActions);
        Assert.DoesNotContain(_board.Call.Invitations.Values, i => i.Target.RawId == Sam);
    }

    [Fact]
    public async Task Listen_GraphCall_RefusedAndNotShown()
    {
        using var graph = new ActionBoard(contactCenter: false).WithCall(CallPlatform.Graph);

        Assert.False(SupervisorActions.For(ActionKind.Listen).Shows(graph.Call, ""));
        Assert.Equal(ActionReceipt.Refused("Listen in is available only on ACS calls"), await graph.Run(ActionKind.Listen, ""));
    }

    [Fact]
    public async Task Join_FromListening_SendsNothingAndIsJoinedAtOnce()
    {
        await _board.Run(ActionKind.Listen, "");
        _board.Roster(With(TestEvents.In(ActionBoard.Sam, muted: true)));
        _board.Acs.Requests.Clear();

        var receipt = await _board.Run(ActionKind.Join, "");

        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Empty(_board.Acs.Requests);
        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Equal("Sam Supervisor joined the call — unmute your own device to speak", _board.Outcome(receipt)!.Text);
        Assert.Equal(MonitorMode.Joined, _board.Call.Supervisors[Sam].Mode);
        Assert.Equal(Availability.Refused("You are already in the call"), _board.For(ActionKind.Join));
    }

    [Fact]
    public async Task Listen_AfterJoiningAndSpeaking_TheRouterMutesThemAgain()
    {
        await _board.Run(ActionKind.Listen, "");
        _board.Roster(With(TestEvents.In(ActionBoard.Sam, muted: true)));
        await _board.Run(ActionKind.Join, "");
        _board.Roster(With(TestEvents.In(ActionBoard.Sam, muted: false)));
        Assert.Empty(MuteDecisions());

        var back = await _board.Run(ActionKind.Listen, "");

        Assert.Equal(ReceiptStatus.Accepted, back.Status);
        Assert.Equal(MonitorMode.Listening, _board.Call.Supervisors[Sam].Mode);
        Assert.Equal(ActionBoard.Sam, Assert.Single(MuteDecisions()).Endpoint);
    }

    [Fact]
    public async Task Join_NotInTheCall_InvitesTheEndpointAndTheRouterDoesNotMuteIt()
    {
        var receipt = await _board.Run(ActionKind.Join, "");
        Assert.Equal($"add call-1 {Sam} {receipt.OperationContext} 30", _board.Request);

        _board.Roster(With(TestEvents.In(ActionBoard.Sam)));

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Equal(MonitorMode.Joined, _board.Call.Supervisors[Sam].Mode);
        Assert.Empty(MuteDecisions());
    }

    [Fact]
    public async Task Leave_SupervisorInTheCall_RemovedWithRepeatabilityAndGoneFromTheCall()
    {
        await _board.Run(ActionKind.Listen, "");
        _board.Roster(With(TestEvents.In(ActionBoard.Sam, muted: true)));
        _board.Acs.Requests.Clear();
        _board.Acs.OtherRepeatability.Clear();

        var receipt = await _board.Run(ActionKind.Leave, "");

        Assert.Equal($"remove call-1 {Sam} {receipt.OperationContext}", _board.Request);
        Assert.Equal(_board.ExpectedRepeatability(receipt), Assert.Single(_board.Acs.OtherRepeatability));
        _board.Roster(With());
        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
        Assert.Empty(_board.Call.Supervisors);
        Assert.Contains(_board.Store.Current.Activity, a => a.Text == "Sam Supervisor left the call");
        Assert.Equal(Availability.Ok, _board.For(ActionKind.Listen));
    }

    [Fact]
    public async Task Leave_NotInTheCall_Refused()
    {
        Assert.Equal(Availability.Refused("You are not in this call"), _board.For(ActionKind.Leave));
        Assert.Equal(ActionReceipt.Refused(MonitorAction.NoEndpoint), await _board.Run(ActionKind.Leave, "", ActionBoard.Sup("nobody")));
        Assert.Empty(_board.Acs.Requests);
    }

    [Fact]
    public async Task Listen_ConfirmationTimeoutWhileTheInvitationRings_KeptUntilTheEndpointAnswers()
    {
        var receipt = await _board.Run(ActionKind.Listen, "");

        Assert.False(_board.Apply(new ActionExpired("exp-1", TestEvents.Call1, _board.Events.Now.AddSeconds(31), receipt.OperationContext!)).IsApplied);
        Assert.NotNull(_board.Pending(receipt.OperationContext!));

        _board.Roster(With(TestEvents.In(ActionBoard.Sam)));

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(receipt)?.Result);
    }

    [Fact]
    public async Task Listen_InvitationNeverKnown_ExpiresAndTheSupervisorIsNotShown()
    {
        _board.LoseInvitations = true;
        var receipt = await _board.Run(ActionKind.Listen, "");

        _board.Apply(new ActionExpired("exp-1", TestEvents.Call1, _board.Events.Now.AddSeconds(31), receipt.OperationContext!));

        Assert.Equal(ActionResult.NotConfirmed, _board.Outcome(receipt)?.Result);
        Assert.Empty(_board.Call.Supervisors);
    }

    [Fact]
    public async Task Join_WhileTheListenIsStillBeingSent_RefusedNoSecondInvitation()
    {
        _board.Acs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = _board.Run(ActionKind.Listen, "");
        await _board.Acs.Sent.Task.WaitAsync(_board.Token);

        var join = await _board.Run(ActionKind.Join, "");

        Assert.Equal(ActionReceipt.Refused("Your endpoint is already being invited to this call"), join);
        _board.Acs.Gate.SetResult();
        Assert.Equal(ReceiptStatus.Accepted, (await listening).Status);
        Assert.Single(_board.Acs.Requests);
        Assert.Equal(MonitorMode.Listening, _board.Call.Supervisors[Sam].Mode);
    }
}
