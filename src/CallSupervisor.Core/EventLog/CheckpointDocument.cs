using System.Collections.Immutable;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.EventLog;

/// <summary>
/// A <see cref="StoreCheckpoint"/> as JSON. The counts are not written: they are a sum over the calls, recomputed
/// on reading, so a checkpoint cannot carry counts that disagree with its calls.
/// </summary>
internal sealed record CheckpointDocument(
    int Format,
    long Version,
    ImmutableArray<string> SeenEventIds,
    ImmutableArray<Call> Calls,
    ImmutableArray<ActivityEntry> Activity)
{
    /// <summary>Absent in checkpoints written before agents were kept: none then.</summary>
    public ImmutableArray<Agent>? Agents { get; init; }

    /// <summary>Absent in checkpoints written before the day's figures were kept: the figures then start from the log after it.</summary>
    public FigureLedger? Figures { get; init; }

    /// <summary>Absent in checkpoints written before targets were edited on the board: the configured ones then.</summary>
    public Settings.Targets? Targets { get; init; }
}
