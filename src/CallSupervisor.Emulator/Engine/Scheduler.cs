using Microsoft.Extensions.Logging;

namespace CallSupervisor.Emulator.Engine;

/// <summary>
/// Runs actions later on the <see cref="TimeProvider"/> (so tests can drive time). Actions re-check state when they
/// run instead of being cancelled, so the scheduler only has to stop everything at dispose.
/// </summary>
internal sealed class Scheduler(TimeProvider timeProvider, ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<ITimer> _timers = [];
    private bool _disposed;

    public TimeProvider TimeProvider => timeProvider;

    public void Schedule(TimeSpan delay, Action action)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            ITimer? timer = null;
            timer = timeProvider.CreateTimer(_ => Run(timer!, action), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timers.Add(timer);
            // Armed only after it is registered, so a zero delay cannot run before 'timer' is assigned.
            timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Run(ITimer timer, Action action)
    {
        lock (_gate)
        {
            if (_disposed || !_timers.Remove(timer))
            {
                return;
            }
        }
        timer.Dispose();
        try
        {
            action();
        }
        catch (Exception ex)
        {
            // A broken simulated step must never take the emulator down.
            logger.LogError(ex, "Scheduled emulator action failed");
        }
    }

    public void Dispose()
    {
        ITimer[] timers;
        lock (_gate)
        {
            _disposed = true;
            timers = [.. _timers];
            _timers.Clear();
        }
        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }
}
