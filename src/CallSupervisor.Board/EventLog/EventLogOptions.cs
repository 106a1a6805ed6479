namespace CallSupervisor.Board.EventLog;

/// <summary>The event log's local settings (section <c>EventLog</c>).</summary>
public sealed class EventLogOptions
{
    public const string SectionName = "EventLog";

    /// <summary>The embedded event log's SQLite file, relative to the content root (used when Redis is not configured).</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "journal.db");

    /// <summary>A checkpoint is written at least this often while events arrive (by the leading instance).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>…and at the latest after this many events.</summary>
    public int CheckpointEvery { get; set; } = 5_000;

    /// <summary>While the log cannot be written, how often a small write tries whether it can again (readiness recovers then).</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an action waits for its own mark to come back from the log before it gives up.</summary>
    public TimeSpan ApplyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
