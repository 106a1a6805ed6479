namespace CallSupervisor.Client;

/// <summary>What <see cref="CallBoardMerger"/> did with a message.</summary>
public enum MergeOutcome
{
    /// <summary>The board changed: a snapshot replaced it, or a newer batch was applied.</summary>
    Applied,

    /// <summary>The batch (or a snapshot part) arrived before this connection's snapshot was whole and is kept until it is.</summary>
    Buffered,

    /// <summary>
    /// The batch is not newer than what the board already has (older, a duplicate, or already in the snapshot)
    /// and was dropped.
    /// </summary>
    Ignored,
}

/// <summary>The outcome of one merge and the board after it (the same board when nothing changed).</summary>
/// <param name="Outcome">What was done with the message.</param>
/// <param name="Board">The current board after the message.</param>
public readonly record struct MergeResult(MergeOutcome Outcome, CallBoard Board)
{
    /// <summary>True when the board changed (<see cref="MergeOutcome.Applied"/>).</summary>
    public bool Changed => Outcome == MergeOutcome.Applied;
}
