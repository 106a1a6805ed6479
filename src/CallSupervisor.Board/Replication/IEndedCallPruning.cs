namespace CallSupervisor.Board.Replication;

/// <summary>
/// Drops calls that ended long ago from this instance's board. The replica is the only writer of the store, so the
/// housekeeping that decides when asks it to (each instance prunes its own copy by the same rule).
/// </summary>
public interface IEndedCallPruning
{
    /// <summary>Removes calls that ended before <paramref name="olderThan"/>; returns how many were removed.</summary>
    int PruneEnded(DateTimeOffset olderThan);
}
