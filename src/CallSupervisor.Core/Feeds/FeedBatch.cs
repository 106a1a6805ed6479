using System.Collections.Immutable;
using System.Diagnostics;

namespace CallSupervisor.Core.Feeds;

/// <summary>
/// One delivery to a subscriber: the state after the newest change in the batch and every change folded in
/// since the previous delivery, oldest first.
/// </summary>
public sealed record FeedBatch<TState, TChange>(long Version, TState State, ImmutableArray<TChange> Changes)
{
    /// <summary>
    /// The sampled trace contexts the batch's changes were made in (the apply of each event), oldest first: a push or
    /// render of the batch links to them. Empty (default) when nothing was traced — no allocation then.
    /// </summary>
    public ImmutableArray<ActivityContext> Traces { get; init; }
}
