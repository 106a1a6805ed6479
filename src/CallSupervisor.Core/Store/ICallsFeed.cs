using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store;

/// <summary>
/// What a reader of the board needs: the current snapshot, its version and a subscription to its change batches.
/// Everything that reads the board — components, the hub and its broadcaster, the workflow runtime — depends on this;
/// only the event log's replica writes to the <see cref="CallStore"/> behind it.
/// </summary>
public interface ICallsFeed
{
    /// <summary>The newest snapshot; immutable, safe to read from any thread.</summary>
    CallsSnapshot Current { get; }

    /// <summary>Increases by one with every published change (a change batch carries the version it ends at).</summary>
    long Version { get; }

    /// <summary>
    /// The current snapshot and, until cancelled, batches of later changes, no closer together than
    /// <paramref name="batchWindow"/> (default: the feed's own).
    /// </summary>
    FeedSubscription<CallsSnapshot, CallChange> Subscribe(CancellationToken cancellationToken, TimeSpan? batchWindow = null);
}
