using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Brings someone into a call (participants:add) for an action: with Repeatability that follows from the action's
/// operationContext and time, so a request sent again (a retry, a resend after a restart) is carried out once, and
/// the invitation ACS answered with applied at once (ACS sends no event for it).
/// </summary>
internal static class Invite
{
    public static async Task<TelephonyResult<Sent>> SendAsync(
        ActionPorts ports, Call call, PendingAction pending, CommunicationIdentifier who, string? name, CancellationToken cancellationToken)
    {
        var context = pending.OperationContext;
        var result = await ports.Acs.AddParticipantAsync(
            call.CallId, who, context, ports.InvitationTimeout, Repeatability.For(context, pending.Request.RequestedAt), cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            return TelephonyResult<Sent>.Fail(error);
        }
        var invited = new InvitationRequested($"local:{context}:invited", call.CallId, pending.Request.RequestedAt, result.Value!, who, context, ports.InvitationTimeout)
        {
            TargetName = name,
        };
        return TelephonyResult<Sent>.Ok(new Sent([invited]));
    }

    /// <summary>Whether the invitation this action sent is known and still rings.</summary>
    public static bool Rings(Call call, PendingAction pending) => Of(call, pending) is { IsOpen: true };

    /// <summary>The invitation this action sent, once ACS answered it.</summary>
    public static Invitation? Of(Call call, PendingAction pending) =>
        call.Invitations.Values.FirstOrDefault(i => i.OperationContext == pending.OperationContext);
}
