using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Withdraw a ringing invitation (ACS <c>participants:cancelAddParticipant</c>). It races the invitee: it is settled
/// when the invitation ends — cancelled (confirmed), accepted first (the cancel lost), or ended otherwise. A refused
/// cancel (CancelAddParticipantFailed) is recorded as failed by the invitation rules.
/// </summary>
public sealed class CancelInvitationAction : SupervisorAction
{
    public override ActionKind Kind => ActionKind.CancelInvitation;

    public override ActionScope Scope => ActionScope.Invitation;

    public override string Icon => "PhoneDisabled";

    public override string Label => "Cancel invite";

    public override string BusyLabel => "Cancelling…";

    protected override string WaitingFor => "ACS";

    public override string Describe(Call call, string target) => $"Cancel of the invitation to {Invitee(call, target)}";

    public override string AccessibleName(Call call, string target) => $"Cancel invite to {Invitee(call, target)}";

    public override Confirmation Confirmation(Call call, string target) => new(
        "Cancel invitation",
        $"Stop ringing {Invitee(call, target)}? The invitation will be withdrawn.",
        "Cancel invitation",
        "Keep ringing");

    protected override Availability CheckTarget(Call call, string target)
    {
        if (!call.Invitations.TryGetValue(new InvitationId(target), out var invitation))
        {
            return Availability.Refused("The invitation is not known");
        }
        return invitation.Status switch
        {
            InvitationStatus.Pending => Availability.Ok,
            InvitationStatus.Accepted => Availability.Refused("The invitation was already accepted"),
            InvitationStatus.Cancelled => Availability.Refused("The invitation is already cancelled"),
            InvitationStatus.TimedOut => Availability.Refused("The invitation timed out"),
            _ => Availability.Refused("The invitation failed"),
        };
    }

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(ports.Acs.CancelAddParticipantAsync(call.CallId, new InvitationId(pending.Target), pending.OperationContext, cancellationToken));

    // The invitation rules tell (and credit) every ending themselves: nothing to announce here.
    public override Settlement? Settled(Call call, PendingAction pending)
    {
        if (!call.Invitations.TryGetValue(new InvitationId(pending.Target), out var invitation))
        {
            return new Settlement(ActionResult.Overtaken, "The invitation is no longer known");
        }
        var who = Invitee(call, pending.Target);
        return invitation.Status switch
        {
            InvitationStatus.Pending => null,
            InvitationStatus.Cancelled => new Settlement(ActionResult.Confirmed, $"Invitation to {who} cancelled"),
            InvitationStatus.Accepted => new Settlement(ActionResult.Overtaken, $"{who} accepted before the cancel took effect"),
            _ => new Settlement(ActionResult.Overtaken, $"The invitation to {who} ended ({invitation.Status}) before the cancel took effect"),
        };
    }

    private static string Invitee(Call call, string invitationId) =>
        call.Invitations.TryGetValue(new InvitationId(invitationId), out var invitation) ? Model.Describe.Who(call, invitation.Target) : "an unknown invitee";
}
