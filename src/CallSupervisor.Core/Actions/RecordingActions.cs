using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// What the recording actions share: they act on the call's one recording (ACS <c>/calling/recordings</c>), an
/// ACS call's only, and are settled by RecordingStateChanged (active or inactive) as the board applies it.
/// </summary>
public abstract class RecordingAction : SupervisorAction
{
    public override ActionScope Scope => ActionScope.Recording;

    public override ActionTone Tone => ActionTone.Neutral;

    public override string AccessibleName(Call call, string target) => $"{Label} — the call with {Model.Describe.Who(call, call.Caller)}";

    public override string Describe(Call call, string target) => $"{Label} of the call with {Model.Describe.Who(call, call.Caller)}";

    /// <summary>The states of the recording this action applies to (null: no recording yet).</summary>
    protected abstract bool AppliesTo(Recording? recording);

    public override bool Shows(Call call, string target) => call.Platform == CallPlatform.Acs && AppliesTo(call.Recording);

    protected override Availability CheckTarget(Call call, string target)
    {
        if ((NotConnected(call) ?? NotAcs(call)) is { } refused)
        {
            return refused;
        }
        return AppliesTo(call.Recording) ? Availability.Ok : Availability.Refused(Why(call.Recording));
    }

    private static string Why(Recording? recording) => recording?.Status switch
    {
        null or RecordingStatus.Stopped => "The call is not being recorded",
        RecordingStatus.Starting => "The recording is starting",
        RecordingStatus.Active => "The call is being recorded",
        _ => "The recording is paused",
    };

    /// <summary>Settled once the recording is in <paramref name="status"/>.</summary>
    protected static Settlement? SettledWhen(Call call, RecordingStatus status, string text) =>
        call.Recording?.Status == status ? new Settlement(ActionResult.Confirmed, text) : null;
}

/// <summary>Start recording the call (mixed audio), repeatable; confirmed when ACS says the recording is active.</summary>
public sealed class StartRecordingAction : RecordingAction
{
    public override ActionKind Kind => ActionKind.StartRecording;

    public override ActionTone Tone => ActionTone.Caution;

    public override string Icon => "FiberManualRecord";

    public override string Label => "Record";

    public override string BusyLabel => "Starting…";

    protected override string WaitingFor => "ACS to start recording";

    protected override bool AppliesTo(Recording? recording) => recording is null or { Status: RecordingStatus.Stopped };

    public override Confirmation Confirmation(Call call, string target) => new(
        "Record the call",
        $"Start recording the call with {Model.Describe.Who(call, call.Caller)}? Everyone's audio is recorded from now on; where the law asks for it, the caller must be told.",
        "Record",
        "Don't record");

    protected override Availability CheckTarget(Call call, string target) =>
        call.ServerCallId is null && call.Platform == CallPlatform.Acs && call.State == CallState.Connected
            ? Availability.Refused("The call's server id is not known yet")
            : base.CheckTarget(call, target);

    public override async Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken)
    {
        var context = pending.OperationContext;
        var started = await ports.Acs.StartRecordingAsync(call.ServerCallId!, Repeatability.For(context, pending.Request.RequestedAt), cancellationToken).ConfigureAwait(false);
        return started.Error is { } error
            ? TelephonyResult<Sent>.Fail(error)
            : TelephonyResult<Sent>.Ok(new Sent([new RecordingChanged($"local:{context}:started", call.CallId, pending.Request.RequestedAt, started.Value!, RecordingState.Starting)]));
    }

    public override Settlement? Settled(Call call, PendingAction pending) => SettledWhen(call, RecordingStatus.Active, "Recording started");

    // A start ACS never confirmed leaves no recording behind: Record is offered again.
    public override Call Unmark(Call call, PendingAction pending) =>
        call.Recording is { Status: RecordingStatus.Starting } ? call with { Recording = null } : call;

    // Record and Stop share a place: once recording starts, focus stays on the button that stops it.
    public override ActionKind Slot => ActionKind.StopRecording;
}

/// <summary>Pause the recording (a caller reading out a card number); confirmed when ACS says it is inactive.</summary>
public sealed class PauseRecordingAction : RecordingAction
{
    public override ActionKind Kind => ActionKind.PauseRecording;

    public override string Icon => "PauseCircleOutline";

    public override string Label => "Pause recording";

    public override string BusyLabel => "Pausing…";

    protected override bool AppliesTo(Recording? recording) => recording is { Status: RecordingStatus.Active };

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(ports.Acs.PauseRecordingAsync(call.Recording!.Id, cancellationToken));

    public override Settlement? Settled(Call call, PendingAction pending) => SettledWhen(call, RecordingStatus.Paused, "Recording paused");
}

/// <summary>Resume a paused recording; takes the pause button's place.</summary>
public sealed class ResumeRecordingAction : RecordingAction
{
    public override ActionKind Kind => ActionKind.ResumeRecording;

    public override ActionKind Slot => ActionKind.PauseRecording;

    public override string Icon => "PlayCircleOutline";

    public override string Label => "Resume recording";

    public override string BusyLabel => "Resuming…";

    protected override bool AppliesTo(Recording? recording) => recording is { Status: RecordingStatus.Paused };

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(ports.Acs.ResumeRecordingAsync(call.Recording!.Id, cancellationToken));

    public override Settlement? Settled(Call call, PendingAction pending) => SettledWhen(call, RecordingStatus.Active, "Recording resumed");
}

/// <summary>Stop the recording for good (a new one is a new file); asked first.</summary>
public sealed class StopRecordingAction : RecordingAction
{
    public override ActionKind Kind => ActionKind.StopRecording;

    public override ActionTone Tone => ActionTone.Destructive;

    public override string Icon => "Stop";

    public override string Label => "Stop recording";

    public override string BusyLabel => "Stopping…";

    protected override bool AppliesTo(Recording? recording) => recording is { Status: RecordingStatus.Active or RecordingStatus.Paused or RecordingStatus.Starting };

    public override Confirmation Confirmation(Call call, string target) => new(
        "Stop recording",
        "Stop the recording? It cannot be resumed: a new recording would be a separate file.",
        "Stop recording",
        "Keep recording");

    // The next "inactive" from ACS means stopped, not paused.
    public override Call Mark(Call call, PendingAction pending, DateTimeOffset at) =>
        call.Recording is { } recording ? call with { Recording = recording with { Stopping = true } } : call;

    public override Call Unmark(Call call, PendingAction pending) =>
        call.Recording is { Stopping: true, Status: not RecordingStatus.Stopped } recording ? call with { Recording = recording with { Stopping = false } } : call;

    // ACS reports changes of state only: a paused (or not yet active) recording stopped sends no event, so the accepted
    // stop is itself the news.
    public override async Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken)
    {
        var id = call.Recording!.Id;
        var stopped = await ports.Acs.StopRecordingAsync(id, cancellationToken).ConfigureAwait(false);
        return stopped.Error is { } error
            ? TelephonyResult<Sent>.Fail(error)
            : TelephonyResult<Sent>.Ok(new Sent([new RecordingChanged($"local:{pending.OperationContext}:stopped", call.CallId, pending.Request.RequestedAt, id, RecordingState.Inactive)]));
    }

    public override Settlement? Settled(Call call, PendingAction pending) => SettledWhen(call, RecordingStatus.Stopped, "Recording stopped");

    public override Settlement? SettledByEnd(Call call, PendingAction pending) => new(ActionResult.Confirmed, "Recording stopped with the call");
}
