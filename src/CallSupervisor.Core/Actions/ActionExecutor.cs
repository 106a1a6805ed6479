using CallSupervisor.Core.Commands;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Runs every supervisor action the same way, for the dashboard and the hub alike: validate and mark it pending in
/// one atomic store update (refused without any HTTP when not available), send the request, and on an error
/// remove exactly the mark this request made. Success means the request was accepted; the confirmed state arrives
/// by callback and settles the action (see <see cref="SupervisorAction.Settled"/>).
/// </summary>
public sealed class ActionExecutor(
    CallStore store,
    ActionPorts ports,
    TimeProvider time,
    IReconcileRequests? reconcile = null)
{
    public async Task<CommandOutcome> ExecuteAsync(ActionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.Supervisor))
        {
            return CommandOutcome.Refused("A supervisor name is required for the audit trail");
        }
        var action = SupervisorActions.For(command.Kind);
        // A fresh id per request makes the operationContext unique, which is what lets a failure undo exactly
        // the mark this request made.
        var request = new SupervisorRequest(command.Supervisor, time.GetUtcNow(), action.ContextPrefix + Guid.NewGuid().ToString("N"));
        var pending = new PendingAction(command.Kind, command.Target, request);
        var (marked, call) = store.ApplyAndRead(new ActionRequested($"action:{request.OperationContext}", command.CallId, request.RequestedAt, pending));
        if (!marked.IsApplied || call is null)
        {
            return CommandOutcome.Refused(marked.Reason ?? "The action is not available");
        }

        // What is sent (identifier, platform) comes from the call as marked, not from a later snapshot.
        TelephonyResult<Unit> result;
        try
        {
            result = await action.SendAsync(ports, call, command.Target, request.OperationContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Ports return failures rather than throw: an exception (cancellation, a bug) is rethrown, but only
            // after the mark is removed, so no action stays pending forever.
            Fail(pending, command, new TelephonyError(null, ex is OperationCanceledException ? "RequestCancelled" : "RequestException", ex.Message));
            throw;
        }
        if (result.Error is { } error)
        {
            Fail(pending, command, error);
            if (CallNotFound.Is(error))
            {
                // The board is behind ACS: re-read the call now.
                reconcile?.RequestReconcile(command.CallId);
            }
            return CommandOutcome.Failed($"{action.Describe(call, command.Target)} failed: {error}", error, request.OperationContext);
        }
        return CommandOutcome.Accepted(action.SentMessage(call, command.Target), request.OperationContext);
    }

    private void Fail(PendingAction pending, ActionCommand command, TelephonyError error) =>
        store.Apply(new ActionFailed($"action:{pending.OperationContext}:failed", command.CallId, time.GetUtcNow(), pending, error));
}
