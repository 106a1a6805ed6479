using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store;

/// <summary>
/// Told of every supervisor action the store settles (confirmed, lost race, not confirmed, call ended, failed),
/// exactly once per action. Called inside the store's update lock, in the order the settlements happen: it must not
/// block or call back into the store (the audit trail queues the fact and writes it later).
/// </summary>
public interface IActionOutcomeObserver
{
    void Settled(ActionOutcome outcome);
}
