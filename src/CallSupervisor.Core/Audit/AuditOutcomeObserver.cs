using CallSupervisor.Core.Store;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Audit;

/// <summary>Passes every action the store settles on to the audit trail (queued, never blocking the store).</summary>
public sealed class AuditOutcomeObserver(IAuditTrail audit) : IActionOutcomeObserver
{
    public void Settled(ActionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        audit.Update(new AuditUpdate(outcome.OperationContext, AuditStatuses.From(outcome.Result), outcome.At, outcome.Text));
    }
}
