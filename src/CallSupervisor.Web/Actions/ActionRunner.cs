using System.Collections.Immutable;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
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
public sealed class ActionRunner(ActionExecutor executor, IConfirmService confirm, IActionNotifier notifier, CurrentUser user, IChoiceService choose)
{
    /// <summary>Null when the supervisor did not confirm, or chose nothing.</summary>
    public async Task<ActionReceipt?> RunAsync(SupervisorAction action, Call call, string target)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(call);
        var arguments = ImmutableDictionary<string, string>.Empty;
        if (action.Input != ActionInput.None)
        {
            // What to act with (an agent, a number) is chosen first; the executor checks it again as it runs.
            if (await choose.ChooseAsync(action, call) is not { } choice)
            {
                return null;
            }
            (target, arguments) = (choice.Target ?? target, choice.Arguments);
        }
        // Named as the executor would resolve it (a transfer hands over the call's agent), so that what is audited and
        // said — sent or refused — names who the action is about.
        target = action.DefaultTarget(call, target);
        if (action.Confirmation(call, target) is { } question && !await confirm.ConfirmAsync(question))
        {
            return null;
        }
        // Not tied to the circuit: once sent, ACS may act on it, so a closed tab must not record it as cancelled.
        // The executor decides whether this user may act (the button only mirrors it); no signed-in user, no actor.
        var actor = await user.GetAsync() ?? new Actor("", "", []);
        var outcome = await executor.ExecuteAsync(new ActionRequest(action.Kind, call.CallId, target, actor) { Arguments = arguments }, CancellationToken.None);
        notifier.Sent(action, call.CallId, What(action, call, target), outcome);
        return outcome;
    }

    // The action in words for the notice. A call action sent without a target (listen in, join, leave, take the call,
    // a transfer) acts on what the executor resolves for this user — their own endpoint, the call's agent — which the
    // runner does not know: it is named by the call instead of a participant it cannot describe.
    private static string What(SupervisorAction action, Call call, string target) =>
        target.Length == 0 && action.Scope == ActionScope.Call ? action.AccessibleName(call, target) : action.Describe(call, target);

    /// <summary>Sets an agent's state (available, away with a reason, offline), audited like every action.</summary>
    public async Task<ActionReceipt> SetAgentStateAsync(string agentId, string agentName, AgentPresence presence, string? reason)
    {
        var action = SupervisorActions.For(ActionKind.SetAgentState);
        var actor = await user.GetAsync() ?? new Actor("", "", []);
        var arguments = ImmutableDictionary<string, string>.Empty.Add(SetAgentStateAction.StateArgument, presence.ToString());
        if (!string.IsNullOrWhiteSpace(reason))
        {
            arguments = arguments.Add(SetAgentStateAction.ReasonArgument, reason);
        }
        var outcome = await executor.ExecuteAsync(new ActionRequest(action.Kind, AgentStateChanged.AgentsCallId, agentId, actor) { Arguments = arguments }, CancellationToken.None);
        notifier.Sent(action, AgentStateChanged.AgentsCallId, $"{agentName}: {presence}", outcome);
        return outcome;
    }
}
