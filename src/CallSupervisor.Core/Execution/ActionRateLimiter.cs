using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.Execution;

/// <summary>
/// The per-user limit of <see cref="ActionLimits"/>: a <see cref="FixedWindowRateLimiter"/> per user id and window. The
/// windows are turned by the executor's <see cref="TimeProvider"/> — a fresh limiter each — because the limiter's own
/// replenishment, automatic or by <c>TryReplenish</c>, follows the machine's clock, which a test cannot drive.
/// The attempts refused in one window are one burst: the first refusal opens it, a timer at the window's end closes
/// it and hands it to <c>onBurst</c>, which records it as one audit row with the count.
/// </summary>
internal sealed class ActionRateLimiter(ActionLimits limits, TimeProvider time, Action<RateLimitBurst> onBurst)
{
    private readonly ConcurrentDictionary<string, UserWindow> _users = new(StringComparer.Ordinal);

    /// <summary>Null when <paramref name="command"/> may run; else the refusal's reason.</summary>
    public string? Refuse(ActionRequest command, SupervisorRequest request)
    {
        var user = _users.GetOrAdd(command.Actor.Id, _ => new UserWindow(limits, time.GetUtcNow()));
        string reason;
        lock (user)
        {
            var now = time.GetUtcNow();
            if (now - user.Start >= limits.Window)
            {
                user.Limiter.Dispose();
                user.Limiter = UserWindow.NewLimiter(limits);
                user.Start = now;
            }
            using (var lease = user.Limiter.AttemptAcquire())
            {
                if (lease.IsAcquired)
                {
                    return null;
                }
            }
            var retryAfter = user.Start + limits.Window - now;
            reason = $"Too many actions: try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)} s";
            if (user.Burst is null)
            {
                user.Burst = new RateLimitBurst(command, request, now);
                // Fires once the window is over; the burst is closed then, whatever comes later.
                user.Timer = time.CreateTimer(_ => Close(user), null, retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
            user.Burst.Refused++;
            user.Burst.Last = now;
        }
        Prune();
        return reason;
    }

    private void Close(UserWindow user)
    {
        RateLimitBurst? burst;
        lock (user)
        {
            burst = user.Burst;
            user.Burst = null;
            user.Timer?.Dispose();
            user.Timer = null;
        }
        if (burst is not null)
        {
            onBurst(burst);
        }
    }

    // Users who stopped acting are forgotten after a while (their window is over and no burst is open).
    private void Prune()
    {
        if (_users.Count < 1_000)
        {
            return;
        }
        var now = time.GetUtcNow();
        foreach (var (id, user) in _users)
        {
            lock (user)
            {
                // Not disposed: a request may be using it still; without its own timer it holds nothing else.
                if (user.Burst is null && now - user.Start >= limits.Window)
                {
                    _users.TryRemove(id, out _);
                }
            }
        }
    }

    private sealed class UserWindow(ActionLimits limits, DateTimeOffset start)
    {
        public FixedWindowRateLimiter Limiter { get; set; } = NewLimiter(limits);

        public static FixedWindowRateLimiter NewLimiter(ActionLimits limits) => new(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PerUser,
            Window = limits.Window,
            QueueLimit = 0,
            // No timer of its own: the window ends when the executor's clock says so.
            AutoReplenishment = false,
        });

        public DateTimeOffset Start { get; set; } = start;

        public RateLimitBurst? Burst { get; set; }

        public ITimer? Timer { get; set; }
    }
}

/// <summary>The attempts of one user refused in one window: the first one's command and request, and how many.</summary>
internal sealed class RateLimitBurst(ActionRequest first, SupervisorRequest request, DateTimeOffset at)
{
    public ActionRequest First { get; } = first;

    public SupervisorRequest Request { get; } = request;

    public DateTimeOffset At { get; } = at;

    public DateTimeOffset Last { get; set; } = at;

    public int Refused { get; set; }
}
