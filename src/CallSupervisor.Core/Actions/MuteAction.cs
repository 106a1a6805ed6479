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

    public override Task<TelephonyResult<Unit>> SendAsync(ActionPorts ports, Call call, string target, string operationContext, CancellationToken cancellationToken) =>
        ports.Acs.MuteAsync(call.CallId, call.Participants[target].Identifier, operationContext, cancellationToken);

    // The roster rule already says "X muted" or "X left"; only a leave needs to say what became of the mute.
    public override Settlement? Settled(Call call, PendingAction pending) =>
        call.Participants.TryGetValue(pending.Target, out var participant)
            ? participant.IsMuted ? new Settlement(ActionResult.Confirmed, $"{Who(call, pending.Target)} muted") : null
            : new Settlement(ActionResult.Overtaken, $"{Who(call, pending.Target)} left before the mute took effect", Announce: true);

    private static string Who(Call call, string rawId) =>
        Model.Describe.Who(call, call.Participants.TryGetValue(rawId, out var p) ? p.Identifier : CommunicationIdentifier.FromRawId(rawId));
}
