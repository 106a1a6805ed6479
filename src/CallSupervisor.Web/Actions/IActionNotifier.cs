using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Execution;

namespace CallSupervisor.Web.Actions;

/// <summary>
/// Tells the supervisor how an action went: at once (refused, failed, sent) and again when ACS settles it. A sent
/// action's notice stays until its outcome is known, then turns into the outcome: confirmed ones go away by
/// themselves, anything else stays until dismissed.
/// </summary>
public interface IActionNotifier
{
    void Sent(SupervisorAction action, CallId callId, string what, ActionReceipt outcome);
}
