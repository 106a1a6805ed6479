namespace CallSupervisor.Core.Feeds;

/// <summary>
/// What a subscriber gets: the state at the moment of subscribing and the stream of later batches.
/// Enumerating <see cref="Changes"/> ends when the subscription's token is cancelled; the subscriber's
/// channel is removed from the feed when the enumeration ends, however it ends.
/// </summary>
public sealed record FeedSubscription<TState, TChange>(
    long Version,
    TState Initial,
    IAsyncEnumerable<FeedBatch<TState, TChange>> Changes);
