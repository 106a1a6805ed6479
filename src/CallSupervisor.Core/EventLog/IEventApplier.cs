using CallSupervisor.Core.Events;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.EventLog;

/// <summary>
/// How a component that must know the result of its own event applies it — the action executor's pending mark and its
/// failure: with an event log, the event is appended and the call returns once this instance's store has applied it
/// from the log (so every instance applies it in the same place of the order); without one (tests,
/// benchmarks: <c>StoreApplier</c> in tests/Shared), straight to the store. The executor knows only this port: the log's side (the board's
/// <c>EventPipeline</c>, waiting on <c>AppliedEvents</c> that the replica completes) lives in the board's runtime.
/// </summary>
public interface IEventApplier
{
    /// <summary>The outcome and the call as this event left it (null when not applied).</summary>
    Task<(ApplyOutcome Outcome, Call? Call)> ApplyAsync(CallEvent callEvent, CancellationToken cancellationToken);
}
