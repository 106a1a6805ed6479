namespace CallSupervisor.Audit.Writing;

/// <summary>How the background writer batches and retries (fixed in the app; tests shorten the delays).</summary>
internal sealed record AuditWriterSettings
{
    /// <summary>Updates written per transaction at most.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Tries for an update whose row is not there (yet) before it is logged and given up.</summary>
    public int UnknownAttempts { get; init; } = 5;

    /// <summary>Pause between those tries.</summary>
    public TimeSpan UnknownRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>First pause after the database failed a batch; it doubles up to <see cref="MaxFailureDelay"/>.</summary>
    public TimeSpan FailureDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxFailureDelay { get; init; } = TimeSpan.FromSeconds(30);
}
