namespace CallSupervisor.Telephony.Tests.Fakes;

/// <summary>
/// A fake clock for retry tests, so nothing sleeps. Timers due within <see cref="AutoFireLimit"/> (backoff and
/// Retry-After delays) fire at once and move the clock forward by their due time; every such delay is recorded.
/// Longer timers (the per-attempt timeouts, configured longer in tests) fire only when the test calls
/// <see cref="FirePendingTimers"/>.
/// </summary>
public sealed class InstantTimeProvider(DateTimeOffset start) : TimeProvider
{
    public static readonly TimeSpan AutoFireLimit = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];
    private readonly List<InstantTimer> _pending = [];
    private DateTimeOffset _now = start;

    public InstantTimeProvider()
        : this(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new InstantTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Fires the long timers armed so far (e.g. the timeout of the attempt in progress).</summary>
    public void FirePendingTimers()
    {
        List<InstantTimer> due;
        lock (_gate)
        {
            due = [.. _pending];
            _pending.Clear();
        }

        foreach (var timer in due)
        {
            timer.FireAsync();
        }
    }

    private sealed class InstantTimer(InstantTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._pending.Remove(this);
                if (_disposed || dueTime == Timeout.InfiniteTimeSpan)
                {
                    return !_disposed;
                }

                if (dueTime > AutoFireLimit)
                {
                    owner._pending.Add(this);
                    return true;
                }

                owner._delays.Add(dueTime);
                owner._now += dueTime;
            }

            FireAsync();
            return true;
        }

        // Asynchronously, like a real timer: the code arming it may not have stored it yet.
        public void FireAsync() => ThreadPool.QueueUserWorkItem(_ =>
        {
            if (!_disposed)
            {
                callback(state);
            }
        });

        public void Dispose()
        {
            _disposed = true;
            lock (owner._gate)
            {
                owner._pending.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
