using System.Collections.Immutable;

namespace CallSupervisor.Core.Model;

/// <summary>
/// The counts behind the day's figures, kept in the <see cref="Model.CallsSnapshot"/>: folded by the store from the
/// same event log as the calls, so every instance counts the same and a restart (from the checkpoint, then the log)
/// neither loses nor doubles anything. Ended visits and handled calls by queue and interval, agents' time by state
/// by interval, and the visits that ended in the last hour (the queue-length chart). Live calls add their share when
/// the figures are read (<c>Figures.DayFigures</c>). Two days are kept: today in any time zone, and yesterday's end.
/// </summary>
public sealed record FigureLedger
{
    public static FigureLedger Empty { get; } = new();

    /// <summary>How far back the ledger keeps intervals.</summary>
    public static TimeSpan Kept { get; } = TimeSpan.FromHours(50);

    /// <summary>How far back ended visits are kept for the queue-length chart.</summary>
    public static TimeSpan RecentKept { get; } = TimeSpan.FromMinutes(75);

    /// <summary>Per queue and interval, oldest first.</summary>
    public ImmutableList<IntervalTally> Intervals { get; init; } = [];

    /// <summary>All agents' time by state per interval, oldest first.</summary>
    public ImmutableList<AgentStateTally> AgentStates { get; init; } = [];

    /// <summary>Visits that ended within <see cref="RecentKept"/>, in the order they ended.</summary>
    public ImmutableList<QueueVisit> RecentVisits { get; init; } = [];

    public IntervalTally? Find(string queueId, DateTimeOffset start) =>
        Intervals.Find(t => t.Start == start && t.QueueId == queueId);
}
