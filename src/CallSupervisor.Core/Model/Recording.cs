namespace CallSupervisor.Core.Model;

public enum RecordingStatus
{
    Starting,
    Active,
    Paused,
    Stopped,
}

/// <summary>
/// The call's recording as the board shows it. <see cref="Stopping"/>: a stop was asked for, so the next "inactive"
/// means stopped rather than paused (ACS says inactive for both).
/// </summary>
public sealed record Recording(string Id, RecordingStatus Status, DateTimeOffset Since)
{
    public bool Stopping { get; init; }
}
