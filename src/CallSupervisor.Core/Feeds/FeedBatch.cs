using System.Collections.Immutable;

namespace CallSupervisor.Core.Feeds;

/// <summary>
/// One delivery to a subscriber: the state after the newest change in the batch and every change folded in
/// since the previous delivery, oldest first.
/// </summary>
public sealed record FeedBatch<TState, TChange>(long Version, TState State, ImmutableArray<TChange> Changes);
