using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Remove one participant from the call (ACS <c>participants:remove</c>, repeatable). Confirmed first: it cannot be
/// undone. Settled when the roster no longer has them; RemoveParticipantFailed settles it as failed.
/// </summary>
public sealed class RemoveAction : SupervisorAction
{
    public override ActionKind Kind => ActionKind.Remove;

    public override ActionScope Scope => ActionScope.Participant;

    public override string Icon => "PersonRemove";

    public override string Label => "Remove";

    public override string BusyLabel => "Removing…";

    public override bool Shows(Call call, string target) => call.Platform == CallPlatform.Acs && call.Participants.ContainsKey(target);

    public override string Describe(Call call, string target) => $"Removal of {Who(call, target)}";

    public override string AccessibleName(Call call, string target) => $"Remove {Who(call, target)} from the call";

    public override Confirmation Confirmation(Call call, string target)
    {
        var others = call.Participants.Keys.Count(k => k != target);
        var last = others == 0 ? " They are the last one in it: the call ends." : "";
        return new("Remove from the call", $"Remove {Who(call, target)} from the call with {Model.Describe.Who(call, call.Caller)}? They are cut off at once.{last}", "Remove", "Keep them");
    }

    protected override Availability CheckTarget(Call call, string target) =>
        NotConnected(call) ?? NotAcs(call)
        ?? (call.Participants.ContainsKey(target) ? Availability.Ok : Availability.Refused("The participant is not in the call"));

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(ports.Acs.RemoveParticipantAsync(
            call.CallId, call.Participants[pending.Target].Identifier, pending.OperationContext,
            Repeatability.For(pending.OperationContext, pending.Request.RequestedAt), cancellationToken));

    public override Settlement? Settled(Call call, PendingAction pending) =>
        call.Participants.ContainsKey(pending.Target) ? null : new Settlement(ActionResult.Confirmed, $"{Who(call, pending.Target)} removed from the call");

    // Removing the last one ends the call: that is what was asked.
    public override Settlement? SettledByEnd(Call call, PendingAction pending) => Settled(call with { Participants = call.Participants.Remove(pending.Target) }, pending);
}
