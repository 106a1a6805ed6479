using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Stop every prompt and recognition on the call: ACS <c>:cancelAllMediaOperations</c> cancels all of them (there
/// is no per-operation cancel), Graph <c>cancelMediaProcessing</c> likewise for Graph-hosted calls. Settled once
/// nothing runs any more; each operation then says whether it was cancelled or completed before the cancel.
/// </summary>
public sealed class CancelMediaAction : SupervisorAction
{
    public override ActionKind Kind => ActionKind.CancelMedia;

    public override ActionScope Scope => ActionScope.Media;

    public override string Icon => "StopCircle";

    public override string Label => "Cancel all media";

    public override string BusyLabel => "Cancelling…";

    protected override string WaitingFor => "the media to stop";

    public override string Describe(Call call, string target) => "Cancel of all media";

    public override string AccessibleName(Call call, string target) =>
        $"Cancel all media on the call with {Model.Describe.Who(call, call.Caller)}";

    public override Confirmation Confirmation(Call call, string target)
    {
        var running = call.MediaOperations.Values.Count(m => m.IsActive);
        return new(
            "Cancel all media",
            $"Stop all {running} running prompt(s) and recognition(s) on the call with {Model.Describe.Who(call, call.Caller)}? ACS cancels every media operation of the call at once.",
            "Cancel all media",
            "Keep playing");
    }

    protected override Availability CheckTarget(Call call, string target)
    {
        if (NotConnected(call) is { } refused)
        {
            return refused;
        }
        return call.MediaOperations.Values.Any(m => m.IsActive) ? Availability.Ok : Availability.Refused("No media operation is running");
    }

    public override string SentMessage(Call call, string target) =>
        $"Cancel of all media sent to {(call.Platform == CallPlatform.Graph ? "Graph" : "ACS")}; waiting for the media to stop";

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(call.Platform == CallPlatform.Graph
            ? ports.Graph.CancelMediaProcessingAsync(call.CallId, pending.OperationContext, cancellationToken)
            : ports.Acs.CancelAllMediaOperationsAsync(call.CallId, cancellationToken));

    // Each operation's end is told by the media rules, credited to the cancel: nothing to announce here.
    public override Settlement? Settled(Call call, PendingAction pending)
    {
        if (call.MediaOperations.Values.Any(m => m.IsActive))
        {
            return null;
        }
        var cancelled = call.MediaOperations.Values.Count(m => m.Status == MediaStatus.Cancelled && m.CancelRequest?.OperationContext == pending.OperationContext);
        return cancelled > 0
            ? new Settlement(ActionResult.Confirmed, $"{cancelled} media operation(s) cancelled")
            : new Settlement(ActionResult.Overtaken, "The media ended before the cancel took effect");
    }
}
