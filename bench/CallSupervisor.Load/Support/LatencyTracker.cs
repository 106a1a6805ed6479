using System.Diagnostics;

namespace CallSupervisor.Load.Support;

/// <summary>
/// Matches each sent change to its arrival at each client. A change is "call X's flipped user becomes muted/unmuted";
/// the value alternates, so per call and client the next expected value is the next one sent, and an observation of
/// it (the board's, or the baseline's broadcast) is that change's arrival. Latency = arrival − send start. Each call
/// is sent to again only after every other call (round robin over many calls), so two changes of one call are never
/// in flight together at the rates used. With <c>watched</c> given, only those calls are waited for and counted (a
/// browser page shows the rows in its viewport, not the whole board).
/// </summary>
public sealed class LatencyTracker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(bool Muted, long SentAt)>> _sent = new(StringComparer.Ordinal);
    private readonly Client[] _clients;
    private readonly IReadOnlySet<string>? _watched;
    private bool _recording = true;
    private TaskCompletionSource? _complete;

    public LatencyTracker(int clients, IReadOnlySet<string>? watched = null)
    {
        _clients = [.. Enumerable.Range(0, clients).Select(_ => new Client())];
        _watched = watched;
    }

    /// <summary>The changes sent to watched calls (all calls when none are named).</summary>
    public int Sent { get; private set; }

    /// <summary>Called just before the POST starts.</summary>
    public void OnSent(string callId, bool muted)
    {
        var now = Stopwatch.GetTimestamp();
        if (_watched is not null && !_watched.Contains(callId))
        {
            return;
        }
        lock (_gate)
        {
            if (!_sent.TryGetValue(callId, out var list))
            {
                _sent[callId] = list = [];
            }
            list.Add((muted, now));
            Sent++;
            foreach (var client in _clients)
            {
                client.Pending.Add(callId);
            }
        }
    }

    /// <summary>A board arrived at <paramref name="client"/>: checks the calls it still waits for.</summary>
    public void OnBoard(int client, Func<string, bool?> mutedOf)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var state = _clients[client];
            foreach (var callId in state.Pending.ToArray())
            {
                if (mutedOf(callId) is { } muted)
                {
                    Match(state, callId, muted, now);
                }
            }
        }
    }

    /// <summary>One change arrived at <paramref name="client"/> (the baseline's broadcast names it).</summary>
    public void OnEvent(int client, string callId, bool muted) => _ = OnEvent(client, callId, muted, Stopwatch.GetTimestamp());

    /// <summary>
    /// One change arrived at <paramref name="client"/> at <paramref name="arrivedAt"/> (a <see cref="Stopwatch"/>
    /// timestamp taken elsewhere, e.g. in a page); true when it was the arrival of a change sent and recorded.
    /// </summary>
    public bool OnEvent(int client, string callId, bool muted, long arrivedAt)
    {
        lock (_gate)
        {
            return Match(_clients[client], callId, muted, arrivedAt);
        }
    }

    /// <summary>
    /// Completes once every client has seen every change sent so far, or after <paramref name="timeout"/> (what is
    /// still missing then is counted by <see cref="Finish"/>).
    /// </summary>
    public async Task WhenCompleteAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task complete;
        lock (_gate)
        {
            if (_clients.All(c => c.Pending.Count == 0))
            {
                return;
            }
            _complete ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            complete = _complete.Task;
        }
        try
        {
            await complete.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Reported as missed.
        }
    }

    /// <summary>Stops recording and returns every latency measured (ms, all clients) and the changes never seen.</summary>
    public (List<double> Latencies, int Missed) Finish()
    {
        lock (_gate)
        {
            _recording = false;
            var latencies = _clients.SelectMany(c => c.Latencies).ToList();
            return (latencies, Sent * _clients.Length - latencies.Count);
        }
    }

    private bool Match(Client client, string callId, bool muted, long now)
    {
        if (!_recording || !_sent.TryGetValue(callId, out var sent))
        {
            return false;
        }
        var next = client.Cursor.GetValueOrDefault(callId);
        if (next < sent.Count && sent[next].Muted == muted)
        {
            client.Latencies.Add(Stopwatch.GetElapsedTime(sent[next].SentAt, now).TotalMilliseconds);
            client.Cursor[callId] = ++next;
            if (next == sent.Count && client.Pending.Remove(callId) && _complete is not null && _clients.All(c => c.Pending.Count == 0))
            {
                _complete.TrySetResult();
                _complete = null;
            }
            return true;
        }
        return false;
    }

    private sealed class Client
    {
        public HashSet<string> Pending { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Cursor { get; } = new(StringComparer.Ordinal);

        public List<double> Latencies { get; } = [];
    }
}
