using CallSupervisor.Core.Ports;

namespace CallSupervisor.Board.Maintenance;

/// <summary>
/// The back-off every re-read of one service (ACS or Graph) waits on. A 429 or 503 closes it for the Retry-After
/// the service gave (seconds or a date; any length), or for an exponential back-off when it gave none; until then
/// no call of that service is re-read, and the first read after it is a lone probe. Throttling is a limit on the
/// resource, not on one call: retrying call by call would keep the resource throttled.
/// </summary>
public sealed class ReconcileThrottle
{
    /// <summary>The wait after a 429/503 without Retry-After, doubled on each throttling in a row up to <see cref="MaxBackoff"/>.</summary>
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(5);

    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private DateTimeOffset _openAt = DateTimeOffset.MinValue;
    private int _throttledInARow;

    /// <summary>Whether a re-read may be sent now.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        lock (_gate)
        {
            return now >= _openAt;
        }
    }

    /// <summary>Whether the last answer was a throttling: the next pass sends one read before the others.</summary>
    public bool IsProbing
    {
        get
        {
            lock (_gate)
            {
                return _throttledInARow > 0;
            }
        }
    }

    /// <summary>When the gate opens (MinValue when it is open).</summary>
    public DateTimeOffset OpensAt
    {
        get
        {
            lock (_gate)
            {
                return _openAt;
            }
        }
    }

    /// <summary>Records an answer: a throttling closes the gate, anything else ends the back-off. True if throttled.</summary>
    public bool Observe(TelephonyError? error, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (error is not { HttpStatus: 429 or 503 })
            {
                _throttledInARow = 0;
                return false;
            }

            _throttledInARow++;
            var wait = error.RetryAfter ?? Backoff(_throttledInARow);
            // Several reads in flight may each be throttled: the latest opening wins, none shortens it.
            _openAt = now + wait > _openAt ? now + wait : _openAt;
            return true;
        }
    }

    private static TimeSpan Backoff(int throttledInARow)
    {
        var factor = Math.Pow(2, Math.Min(throttledInARow - 1, 16));
        var wait = TimeSpan.FromTicks((long)Math.Min(FirstBackoff.Ticks * factor, MaxBackoff.Ticks));
        return wait;
    }
}
