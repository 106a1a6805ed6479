namespace CallSupervisor.Board.EventLog;

/// <summary>
/// Several instances share one Redis (section <c>Redis</c>): the event log, the checkpoint, the maintenance lease and
/// the data-protection keys. Without a connection string the app runs alone on its embedded SQLite journal.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…,ssl=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix of every key, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "callsupervisor:";

    /// <summary>Entries the event stream keeps (approximately); must hold far more than a checkpoint interval's worth.</summary>
    public int StreamLength { get; set; } = 200_000;

    /// <summary>How often a tailing instance looks for new entries when no append notice arrived.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
