using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Put one participant on hold (ACS <c>:hold</c>, with the configured hold music). ACS answers 200; the hold shows
/// as <c>isOnHold</c> in the next roster, which settles it; a later HoldFailed settles it as failed.
/// </summary>
public sealed class HoldAction : SupervisorAction
{
    public override ActionKind Kind => ActionKind.Hold;

    public override ActionScope Scope => ActionScope.Participant;

    public override ActionTone Tone => ActionTone.Caution;

    public override string Icon => "PauseCircle";

    public override string Label => "Hold";

    public override string BusyLabel => "Holding…";

    public override bool Shows(Call call, string target) =>
        call.Platform == CallPlatform.Acs && call.Participants.TryGetValue(target, out var p) && !p.IsOnHold;

    public override string Describe(Call call, string target) => $"Hold of {Who(call, target)}";

    public override string AccessibleName(Call call, string target) => $"Hold {Who(call, target)}";

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
        return participant.IsOnHold ? Availability.Refused("Already on hold") : Availability.Ok;
    }

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(ports.Acs.HoldAsync(call.CallId, call.Participants[pending.Target].Identifier, ports.HoldMusic, pending.OperationContext, cancellationToken));

    public override Settlement? Settled(Call call, PendingAction pending) =>
        call.Participants.TryGetValue(pending.Target, out var participant)
            ? participant.IsOnHold ? new Settlement(ActionResult.Confirmed, $"{Who(call, pending.Target)} on hold") : null
            : new Settlement(ActionResult.Overtaken, $"{Who(call, pending.Target)} left before the hold took effect", Announce: true);
}
