namespace CallSupervisor.Board.EventLog;

/// <summary>
/// Whether this instance can write and read the event log now, since when it could not, and whether it has caught
/// up after start. Shown on the dashboard (a degraded banner), the operations page and <c>/health/ready</c>.
/// </summary>
public sealed class EventLogStatus(TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _unavailableSince;
    private string? _reason;

    /// <summary>Raised when availability or catch-up changes (off the renderer: components re-render themselves).</summary>
    public event Action? Changed;

    /// <summary>The kind of log: "SQLite event log" or "Redis stream".</summary>
    public string Kind { get; set; } = "SQLite event log";

    public bool Available
    {
        get
        {
            lock (_gate)
            {
                return _unavailableSince is null;
            }
        }
    }

    public DateTimeOffset? UnavailableSince
    {
        get
        {
            lock (_gate)
            {
                return _unavailableSince;
            }
        }
    }

    public string? Reason
    {
        get
        {
            lock (_gate)
            {
                return _reason;
            }
        }
    }

    /// <summary>True once the store has applied everything the log held when this instance started.</summary>
    public bool CaughtUp { get; private set; }

    /// <summary>The last position this instance applied.</summary>
    public string? AppliedPosition { get; set; }

    public void Failed(string reason)
    {
        bool changed;
        lock (_gate)
        {
            changed = _unavailableSince is null;
            _unavailableSince ??= time.GetUtcNow();
            _reason = reason;
        }
        if (changed)
        {
            Changed?.Invoke();
        }
    }

    public void Succeeded()
    {
        bool changed;
        lock (_gate)
        {
            changed = _unavailableSince is not null;
            _unavailableSince = null;
            _reason = null;
        }
        if (changed)
        {
            Changed?.Invoke();
        }
    }

    public void MarkCaughtUp()
    {
        if (!CaughtUp)
        {
            CaughtUp = true;
            Changed?.Invoke();
        }
    }
}
