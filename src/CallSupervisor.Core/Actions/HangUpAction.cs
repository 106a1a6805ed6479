using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// End the call for everyone (ACS <c>:terminate</c>, repeatable). Confirmed first; settled when the call ends.
/// </summary>
public sealed class HangUpAction : SupervisorAction
{
    public override ActionKind Kind => ActionKind.HangUp;

    public override string Icon => "CallEnd";

    public override string Label => "Hang up";

    public override string BusyLabel => "Hanging up…";

    public override bool Shows(Call call, string target) => call.Platform == CallPlatform.Acs;

    public override string Describe(Call call, string target) => "Hang-up for everyone";

    public override string AccessibleName(Call call, string target) => $"Hang up the call with {Model.Describe.Who(call, call.Caller)} for everyone";

    public override Confirmation Confirmation(Call call, string target) => new(
        "Hang up for everyone",
        $"End the call with {Model.Describe.Who(call, call.Caller)} for all {call.Participants.Count} participant(s)? It cannot be undone.",
        "Hang up",
        "Keep the call");

    protected override Availability CheckTarget(Call call, string target) =>
        call.State is CallState.Connected or CallState.Unknown
            ? NotAcs(call) ?? Availability.Ok
            : Availability.Refused($"The call is {call.State}");

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(ports.Acs.TerminateAsync(call.CallId, Repeatability.For(pending.OperationContext, pending.Request.RequestedAt), cancellationToken));

    public override Settlement? Settled(Call call, PendingAction pending) => null;

    public override Settlement? SettledByEnd(Call call, PendingAction pending) =>
        new(ActionResult.Confirmed, "Call ended for everyone");
}
