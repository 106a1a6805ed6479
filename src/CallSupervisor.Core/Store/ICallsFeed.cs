using CallSupervisor.Core.Feeds;

namespace CallSupervisor.Core.Store;

/// <summary>
/// What a view of the board needs: the current snapshot and a subscription to its change batches. Components and
/// the hub depend on this, not on the store that produces it.
/// </summary>
public interface ICallsFeed
{
    /// <summary>The newest snapshot; immutable, safe to read from any thread.</summary>
    CallsSnapshot Current { get; }

    /// <summary>
    /// The current snapshot and, until cancelled, batches of later changes, no closer together than
    /// <paramref name="batchWindow"/> (default: the feed's own).
    /// </summary>
    FeedSubscription<CallsSnapshot, CallChange> Subscribe(CancellationToken cancellationToken, TimeSpan? batchWindow = null);
}
