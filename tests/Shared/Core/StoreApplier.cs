namespace CallSupervisor.Core.EventLog;

/// <summary>Applies straight to the store (one process, no log): what unit tests and benchmarks use instead of the event log.</summary>
public sealed class StoreApplier(CallStore store) : IEventApplier
{
    public Task<(ApplyOutcome Outcome, Call? Call)> ApplyAsync(CallEvent callEvent, CancellationToken cancellationToken) =>
        Task.FromResult(store.ApplyAndRead(callEvent));
}
