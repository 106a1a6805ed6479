using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Mute one participant (ACS <c>participants:mute</c>). ACS answers 200 and sends no callback of its own: the
/// mute is settled when a roster shows the participant muted, or when the participant is gone. Only ACS users can
/// be muted, and there is no server-side unmute, so it asks no confirmation.
/// </summary>
public sealed class MuteAction : SupervisorAction
{
    public const string CannotMuteKind = "ACS can only mute ACS users; phone/Teams participants cannot be muted";

    public override ActionKind Kind => ActionKind.Mute;

    public override ActionScope Scope => ActionScope.Participant;

    public override ActionTone Tone => ActionTone.Neutral;

    public override string Icon => "MicOff";

    public override string? Note => CannotMuteKind + ".";

    // Phone and Teams participants cannot be muted at all: the note says so once instead of a button on each.
    public override bool Shows(Call call, string target) =>
        call.Participants.TryGetValue(target, out var participant) && participant.Identifier.CanBeMuted;

    public override string Label => "Mute";

    public override string BusyLabel => "Muting…";

    public override string Describe(Call call, string target) => $"Mute of {Who(call, target)}";

    public override string AccessibleName(Call call, string target) => $"Mute {Who(call, target)}";

    protected override Availability CheckTarget(Call call, string target)
    {
        if (NotConnected(call) is { } refused)
        {
            return refused;
        }
        if (call.Platform != CallPlatform.Acs)
        {
            return Availability.Refused("Mute is available only on ACS calls");
        }
        if (!call.Participants.TryGetValue(target, out var participant))
        {
            return Availability.Refused("The participant is not in the call");
        }
        if (!participant.Identifier.CanBeMuted)
        {
            return Availability.Refused(CannotMuteKind);
        }
        return participant.IsMuted ? Availability.Refused("Already muted") : Availability.Ok;
    }

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(ports.Acs.MuteAsync(call.CallId, call.Participants[pending.Target].Identifier, pending.OperationContext, cancellationToken));

    // The roster rule already says "X muted" or "X left"; only a leave needs to say what became of the mute.
    public override Settlement? Settled(Call call, PendingAction pending) =>
        call.Participants.TryGetValue(pending.Target, out var participant)
            ? participant.IsMuted ? new Settlement(ActionResult.Confirmed, $"{Who(call, pending.Target)} muted") : null
            : new Settlement(ActionResult.Overtaken, $"{Who(call, pending.Target)} left before the mute took effect", Announce: true);
}
