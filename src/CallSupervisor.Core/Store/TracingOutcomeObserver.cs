using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store;

/// <summary>
/// Passes every settled action on to <paramref name="inner"/> and links the span applying the settling event to the
/// action's trace (<see cref="ActionTraces"/>). Called inside the store's update lock, on the applying thread, so the
/// current span is that apply.
/// </summary>
public sealed class TracingOutcomeObserver(IActionOutcomeObserver inner, ActionTraces traces) : IActionOutcomeObserver
{
    public void Settled(ActionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        traces.LinkSettled(outcome.OperationContext);
        inner.Settled(outcome);
    }
}
