using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.EventLog;

/// <summary>
/// The one ordered record of everything the store applies: callbacks, the app's own facts (invitations and media it
/// started, re-reads, expiries) and supervisor action marks and outcomes. Every instance appends what it learns and
/// applies the whole log in its order, so every store converges on the same state; after a restart the log (from the
/// last checkpoint) rebuilds it. Embedded: a SQLite journal. Several instances: a Redis stream.
/// </summary>
public interface IEventLog
{
    /// <summary>
    /// Appends <paramref name="events"/> in order. When it returns they are durable (SQLite) or shared (Redis): only then
    /// may a callback be acknowledged. Throws <see cref="EventLogUnavailableException"/> when the log cannot be written.
    /// </summary>
    Task<string> AppendAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// The records after <paramref name="after"/> (null: from the start), in log order, waiting for new ones until
    /// cancelled. Throws <see cref="EventLogUnavailableException"/> when the log cannot be read; the reader resumes from
    /// the last position it applied.
    /// </summary>
    IAsyncEnumerable<LogRecord> ReadAsync(string? after, CancellationToken cancellationToken);

    /// <summary>The position of the newest record (null when the log holds none): a starting reader has caught up once it applied it.</summary>
    Task<string?> LastPositionAsync(CancellationToken cancellationToken);
}

/// <summary>One entry of the log: its position (opaque, increasing), the instance that appended it, and the event.</summary>
public sealed record LogRecord(string Position, string Origin, CallEvent Event)
{
    /// <summary>
    /// The trace context of the append that wrote it (default when it was appended without tracing, or read from a log
    /// that does not keep it): the apply, on whichever instance and thread, continues that trace. Carried in memory by
    /// the embedded log and as a <c>traceparent</c> field by the Redis stream.
    /// </summary>
    public System.Diagnostics.ActivityContext Context { get; init; }
}

/// <summary>The event log (or the store it lives in) cannot be reached now.</summary>
public sealed class EventLogUnavailableException : Exception
{
    public EventLogUnavailableException()
    {
    }

    public EventLogUnavailableException(string message)
        : base(message)
    {
    }

    public EventLogUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
