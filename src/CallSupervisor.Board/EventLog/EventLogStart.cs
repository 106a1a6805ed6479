using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Board.EventLog;

/// <summary>
/// Where this instance starts: the newest checkpoint (state and the log position it includes), read once when the
/// store is created, before anything is served. If the checkpoint cannot be read (Redis down at start), the instance
/// starts from the beginning of the log and the re-reads of every call fill what the trimmed log no longer holds.
/// </summary>
public sealed partial class EventLogStart
{
    private EventLogStart(StoreCheckpoint? state, string? position)
    {
        State = state;
        Position = position;
    }

    public StoreCheckpoint? State { get; }

    /// <summary>The last log position the checkpoint includes (null: read the log from its start).</summary>
    public string? Position { get; }

    public static EventLogStart Load(ICheckpointStore checkpoints, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var checkpoint = checkpoints.LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
                if (checkpoint is null)
                {
                    return new EventLogStart(null, null);
                }
                var state = CheckpointJson.Deserialize(System.Text.Encoding.UTF8.GetString(checkpoint.State));
                LogRestored(logger, state.Snapshot.Calls.Count, checkpoint.Position, checkpoint.At);
                return new EventLogStart(state, checkpoint.Position);
            }
            catch (EventLogUnavailableException ex) when (attempt < 10)
            {
                LogRetrying(logger, ex.Message);
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
            catch (EventLogUnavailableException ex)
            {
                LogNoCheckpoint(logger, ex);
                return new EventLogStart(null, null);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Calls} calls from the checkpoint at {Position} ({At})")]
    private static partial void LogRestored(ILogger logger, int calls, string position, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The checkpoint cannot be read yet ({Reason}); retrying")]
    private static partial void LogRetrying(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "No checkpoint could be read; starting from the beginning of the log")]
    private static partial void LogNoCheckpoint(ILogger logger, Exception exception);
}
