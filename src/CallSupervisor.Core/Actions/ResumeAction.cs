using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>Take a participant off hold (ACS <c>:unhold</c>); settled when the roster no longer shows them on hold.</summary>
public sealed class ResumeAction : SupervisorAction
{
    public override ActionKind Kind => ActionKind.Resume;

    public override ActionKind Slot => ActionKind.Hold;

    public override ActionScope Scope => ActionScope.Participant;

    public override ActionTone Tone => ActionTone.Neutral;

    public override string Icon => "PlayCircle";

    public override string Label => "Resume";

    public override string BusyLabel => "Resuming…";

    // Like hold: a Graph call's hold is not the board's to undo, so no button rather than one always refused.
    public override bool Shows(Call call, string target) =>
        call.Platform == CallPlatform.Acs && call.Participants.TryGetValue(target, out var p) && p.IsOnHold;

    public override string Describe(Call call, string target) => $"Resume of {Who(call, target)}";

    public override string AccessibleName(Call call, string target) => $"Resume {Who(call, target)} from hold";

    protected override Availability CheckTarget(Call call, string target)
    {
        if ((NotConnected(call) ?? NotAcs(call)) is { } refused)
        {
            return refused;
        }
        if (!call.Participants.TryGetValue(target, out var participant))
        {
            return Availability.Refused("The participant is not in the call");
        }
        return participant.IsOnHold ? Availability.Ok : Availability.Refused("Not on hold");
    }

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(ports.Acs.UnholdAsync(call.CallId, call.Participants[pending.Target].Identifier, pending.OperationContext, cancellationToken));

    public override Settlement? Settled(Call call, PendingAction pending) =>
        call.Participants.TryGetValue(pending.Target, out var participant)
            ? participant.IsOnHold ? null : new Settlement(ActionResult.Confirmed, $"{Who(call, pending.Target)} back from hold")
            : new Settlement(ActionResult.Overtaken, $"{Who(call, pending.Target)} left while on hold", Announce: true);
}
