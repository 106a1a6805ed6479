using CallSupervisor.Core.Actions;
using CallSupervisor.Web.Security;
using CallSupervisor.Core.Execution;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.Actions;

/// <summary>
/// The dashboard's side of every supervisor action (scoped to a circuit): ask first where the action cannot be
/// undone, run it through the one executor, and tell the supervisor how it went. The confirmed state itself
/// arrives through the feed.
/// </summary>
public sealed class ActionRunner(ActionExecutor executor, IConfirmService confirm, IActionNotifier notifier, CurrentUser user)
{
    /// <summary>Null when the supervisor did not confirm.</summary>
    public async Task<ActionReceipt?> RunAsync(SupervisorAction action, Call call, string target)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(call);
        if (action.Confirmation(call, target) is { } question && !await confirm.ConfirmAsync(question))
        {
            return null;
        }
        // Not tied to the circuit: once sent, ACS may act on it, so a closed tab must not record it as cancelled.
        // The executor decides whether this user may act (the button only mirrors it); no signed-in user, no actor.
        var actor = await user.GetAsync() ?? new Actor("", "", []);
        var outcome = await executor.ExecuteAsync(new ActionRequest(action.Kind, call.CallId, target, actor), CancellationToken.None);
        notifier.Sent(action, call.CallId, action.Describe(call, target), outcome);
        return outcome;
    }
}
