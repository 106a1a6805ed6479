using System.Collections.Immutable;

namespace CallSupervisor.Core.Store;

/// <summary>
/// The last N event ids, for de-duplication. Not thread-safe: the store only touches it inside the feed's update
/// lock. Oldest ids are evicted first, so memory stays bounded however long the app runs.
/// </summary>
internal sealed class SeenEventIds(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count => _ids.Count;

    public bool Contains(string eventId) => _ids.Contains(eventId);

    /// <summary>The remembered ids, oldest first: adding them in this order to another window gives the same window.</summary>
    public ImmutableArray<string> InOrder() => [.. _order];

    public void Add(string eventId)
    {
        if (!_ids.Add(eventId))
        {
            return;
        }
        _order.Enqueue(eventId);
        while (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }
    }
}
