using System.Collections.Concurrent;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// What an operator needs to know about this instance, counted as it happens: whether ACS answers, when the last
/// callback arrived and how many arrive per minute, and who is connected (dashboard circuits and hub clients).
/// </summary>
public sealed class OperationsMonitor(TimeProvider time)
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);
    private readonly ConcurrentQueue<(DateTimeOffset At, int Events)> _callbacks = new();
    private int _circuits;
    private int _hubClients;
    private long _lastCallbackTicks;
    private AcsContact? _acs;

    /// <summary>The last ACS request that got an answer (any HTTP status) or failed to get one.</summary>
    public sealed record AcsContact(DateTimeOffset At, bool Reachable, string Detail);

    public sealed record Snapshot(
        AcsContact? Acs, DateTimeOffset? LastCallback, double CallbacksPerMinute, int Circuits, int HubClients);

    public void CallbackReceived(int events)
    {
        var now = time.GetUtcNow();
        Interlocked.Exchange(ref _lastCallbackTicks, now.UtcTicks);
        _callbacks.Enqueue((now, events));
        Trim(now);
    }

    public void AcsAnswered(int status) => _acs = new AcsContact(time.GetUtcNow(), true, $"HTTP {status}");

    public void AcsUnreachable(string reason) => _acs = new AcsContact(time.GetUtcNow(), false, reason);

    public void CircuitOpened() => Interlocked.Increment(ref _circuits);

    public void CircuitClosed() => Interlocked.Decrement(ref _circuits);

    public void HubClientConnected() => Interlocked.Increment(ref _hubClients);

    public void HubClientDisconnected() => Interlocked.Decrement(ref _hubClients);

    /// <summary>Hub clients connected (or connecting: counted before their snapshot is read) now.</summary>
    public int HubClients => Volatile.Read(ref _hubClients);

    public Snapshot Read()
    {
        var now = time.GetUtcNow();
        Trim(now);
        var last = Interlocked.Read(ref _lastCallbackTicks);
        var events = _callbacks.Sum(c => c.Events);
        return new Snapshot(_acs, last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero), events / RateWindow.TotalMinutes, Volatile.Read(ref _circuits), Volatile.Read(ref _hubClients));
    }

    private void Trim(DateTimeOffset now)
    {
        while (_callbacks.TryPeek(out var oldest) && now - oldest.At > RateWindow)
        {
            _callbacks.TryDequeue(out _);
        }
    }
}
