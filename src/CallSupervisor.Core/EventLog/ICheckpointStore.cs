namespace CallSupervisor.Core.EventLog;

/// <summary>
/// Where the store's state is kept now and then, with the log position it includes, so start-up restores it and
/// replays only the log after it (and the log before it can be trimmed).
/// </summary>
public interface ICheckpointStore
{
    /// <summary>The newest checkpoint, or null when there is none yet.</summary>
    Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the checkpoint; the log up to <see cref="Checkpoint.Position"/> may be trimmed afterwards.</summary>
    Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken);
}

/// <summary>The serialized store state as of <paramref name="Position"/> (the last log record it includes).</summary>
public sealed record Checkpoint(string Position, byte[] State, DateTimeOffset At);
