using System.Collections.Concurrent;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Board.Replication;

/// <summary>
/// Callers waiting for their own event to come back from the log and be applied here (the action executor needs
/// to know whether its mark won): registered before the append, completed by the <see cref="EventLogReplica"/>.
/// </summary>
public sealed class AppliedEvents
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(ApplyOutcome, Call?)>> _waiting = new(StringComparer.Ordinal);

    public Task<(ApplyOutcome Outcome, Call? Call)> Expect(string eventId) =>
        _waiting.GetOrAdd(eventId, _ => new TaskCompletionSource<(ApplyOutcome, Call?)>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string eventId) => _waiting.TryRemove(eventId, out _);

    public void Complete(string eventId, ApplyOutcome outcome, Call? call)
    {
        if (_waiting.TryRemove(eventId, out var waiting))
        {
            waiting.TrySetResult((outcome, call));
        }
    }
}
