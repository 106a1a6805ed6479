using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>Record, pause, resume and stop through the one executor: availability, the request, how RecordingStateChanged settles each.</summary>
public sealed class RecordingActionTests : IDisposable
{
    private readonly ActionBoard _board = new ActionBoard(contactCenter: false).WithCall();

    public void Dispose() => _board.Dispose();

    private ApplyOutcome Acs(RecordingState state, string id = "recording-1") =>
        _board.Apply(new RecordingChanged(_board.Events.NextId(), TestEvents.Call1, _board.Time.GetUtcNow(), id, state));

    private async Task<ActionReceipt> RecordingAsync()
    {
        var started = await _board.Run(ActionKind.StartRecording, "");
        Acs(RecordingState.Active);
        Assert.Equal(ActionResult.Confirmed, _board.Outcome(started)?.Result);
        return started;
    }

    [Fact]
    public async Task StartRecording_ConnectedCall_SendsARepeatableStartForTheServerCallAndShowsStarting()
    {
        Assert.True(SupervisorActions.For(ActionKind.StartRecording).Shows(_board.Call, ""));
        Assert.False(SupervisorActions.For(ActionKind.PauseRecording).Shows(_board.Call, ""));

        var receipt = await _board.Run(ActionKind.StartRecording, "");

        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Equal("startRecording server-call-1", _board.Request);
        Assert.Equal(_board.ExpectedRepeatability(receipt), Assert.Single(_board.Acs.OtherRepeatability));
        Assert.Equal(new Recording("recording-1", RecordingStatus.Starting, _board.Call.Recording!.Since), _board.Call.Recording);
        Assert.NotNull(_board.Call.PendingFor(ActionKind.StartRecording, ""));
    }

    [Fact]
    public async Task StartRecording_AcsSaysActive_ConfirmedAndPauseAndStopOffered()
    {
        await RecordingAsync();

        Assert.Equal(RecordingStatus.Active, _board.Call.Recording!.Status);
        Assert.Empty(_board.Call.PendingActions);
        Assert.Equal(AuditStatus.Confirmed, _board.Audit.Entries.Single().Status);
        Assert.False(SupervisorActions.For(ActionKind.StartRecording).Shows(_board.Call, ""));
        Assert.Equal(Availability.Refused("The call is being recorded"), _board.For(ActionKind.StartRecording));
        Assert.True(SupervisorActions.For(ActionKind.PauseRecording).Shows(_board.Call, ""));
        Assert.True(SupervisorActions.For(ActionKind.StopRecording).Shows(_board.Call, ""));
    }

    [Fact]
    public async Task PauseThenResume_InactiveThenActive_PausedThenRecordingAgain()
    {
        await RecordingAsync();

        var pause = await _board.Run(ActionKind.PauseRecording, "");
        Acs(RecordingState.Inactive);

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(pause)?.Result);
        Assert.Equal(RecordingStatus.Paused, _board.Call.Recording!.Status);
        Assert.True(SupervisorActions.For(ActionKind.ResumeRecording).Shows(_board.Call, ""));

        var resume = await _board.Run(ActionKind.ResumeRecording, "");
        Acs(RecordingState.Active);

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(resume)?.Result);
        Assert.Equal(RecordingStatus.Active, _board.Call.Recording!.Status);
        Assert.Equal(["startRecording server-call-1", "pauseRecording recording-1", "resumeRecording recording-1"], _board.Acs.Requests);
    }

    [Fact]
    public async Task Stop_InactiveAfterAStop_StoppedNotPausedAndRecordOfferedAgain()
    {
        await RecordingAsync();

        var stop = await _board.Run(ActionKind.StopRecording, "");
        Assert.NotNull(SupervisorActions.For(ActionKind.StopRecording).Confirmation(_board.Call, ""));
        Acs(RecordingState.Inactive);

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(stop)?.Result);
        Assert.Equal(RecordingStatus.Stopped, _board.Call.Recording!.Status);
        Assert.True(SupervisorActions.For(ActionKind.StartRecording).Shows(_board.Call, ""));
        Assert.False(SupervisorActions.For(ActionKind.ResumeRecording).Shows(_board.Call, ""));
    }

    [Fact]
    public async Task Stop_PausedRecording_StoppedOnTheAcceptedStopWithoutAnEvent()
    {
        await RecordingAsync();
        await _board.Run(ActionKind.PauseRecording, "");
        Acs(RecordingState.Inactive);

        // ACS reports changes of state only: stopping a paused recording sends nothing more.
        var stop = await _board.Run(ActionKind.StopRecording, "");

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(stop)?.Result);
        Assert.Equal(RecordingStatus.Stopped, _board.Call.Recording!.Status);
        Assert.True(SupervisorActions.For(ActionKind.StartRecording).Shows(_board.Call, ""));
    }

    [Fact]
    public async Task Start_NeverConfirmed_ExpiredAndRecordOfferedAgain()
    {
        var start = await _board.Run(ActionKind.StartRecording, "");

        _board.Apply(new ActionExpired("exp", TestEvents.Call1, _board.Events.Now.AddMinutes(1), start.OperationContext!));

        Assert.Null(_board.Call.Recording);
        Assert.True(SupervisorActions.For(ActionKind.StartRecording).Shows(_board.Call, ""));
    }

    [Fact]
    public async Task Stop_AcsRefuses_TheNextInactiveIsAPauseAgain()
    {
        await RecordingAsync();
        _board.Acs.Result = TelephonyResult<Unit>.Fail(new TelephonyError(404, "8522", "Recording not found"));

        var stop = await _board.Run(ActionKind.StopRecording, "");

        Assert.Equal(ReceiptStatus.Failed, stop.Status);
        Assert.False(_board.Call.Recording!.Stopping);
    }

    [Fact]
    public async Task Stop_CallEnds_ConfirmedWithTheCall()
    {
        await RecordingAsync();
        var stop = await _board.Run(ActionKind.StopRecording, "");

        _board.Ended();

        Assert.Equal(ActionResult.Confirmed, _board.Outcome(stop)?.Result);
    }

    [Fact]
    public void Changed_AnotherRecordingOfTheCall_Ignored()
    {
        Acs(RecordingState.Active, "recording-1");

        Assert.False(Acs(RecordingState.Inactive, "recording-2").IsApplied);
        Assert.Equal(RecordingStatus.Active, _board.Call.Recording!.Status);
    }

    [Fact]
    public async Task Observer_EachRecordingAction_ForbiddenAndAudited()
    {
        foreach (var kind in new[] { ActionKind.StartRecording, ActionKind.PauseRecording, ActionKind.ResumeRecording, ActionKind.StopRecording })
        {
            Assert.Equal(ReceiptStatus.Forbidden, (await _board.Run(kind, "", ActionBoard.Observer)).Status);
        }
        Assert.Empty(_board.Acs.Requests);
        Assert.Equal(4, _board.Audit.Entries.Count(e => e.Status == AuditStatus.Refused));
    }

    [Fact]
    public void StartRecording_GraphCall_NotShown()
    {
        using var graph = new ActionBoard(contactCenter: false).WithCall(CallPlatform.Graph);

        Assert.False(SupervisorActions.For(ActionKind.StartRecording).Shows(graph.Call, ""));
        Assert.Equal(Availability.Refused("Record is available only on ACS calls"), SupervisorActions.For(ActionKind.StartRecording).Check(graph.Call, ""));
    }
}
