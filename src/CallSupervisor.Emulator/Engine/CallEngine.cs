using CallSupervisor.Emulator.State;

namespace CallSupervisor.Emulator.Engine;

/// <summary>
/// What the ACS and Graph engines share: one lock over all of an engine's state, the live calls by id, and the last
/// <see cref="EndedCallsKept"/> ended calls (kept for the admin snapshot).
/// </summary>
internal abstract class CallEngine<TCall> where TCall : class
{
    private const int EndedCallsKept = 50;
    protected readonly Lock _gate = new();
    protected readonly Dictionary<string, TCall> _calls = new(StringComparer.Ordinal);
    private readonly Queue<TCall> _ended = new();

    /// <summary>Calls ringing or in progress (what the generator keeps near its target).</summary>
    public int ActiveCount
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    /// <summary>Admin: the far side hangs up now.</summary>
    public bool EndFromFarSide(string callId)
    {
        lock (_gate)
        {
            if (!_calls.TryGetValue(callId, out var call))
            {
                return false;
            }
            End(call);
            return true;
        }
    }

    /// <summary>Live and recently ended calls, as the admin API shows them.</summary>
    public IReadOnlyList<CallSnapshot> Snapshot()
    {
        lock (_gate)
        {
            return _calls.Values.Concat(_ended).Select(ToSnapshot).ToList();
        }
    }

    /// <summary>Under the lock: the call is over (does nothing when it already is).</summary>
    protected abstract void End(TCall call);

    protected abstract CallSnapshot ToSnapshot(TCall call);

    /// <summary>Under the lock: the call leaves the live calls for the recently ended ones.</summary>
    protected void Retire(string callId, TCall call)
    {
        _calls.Remove(callId);
        _ended.Enqueue(call);
        while (_ended.Count > EndedCallsKept)
        {
            _ended.Dequeue();
        }
    }

    /// <summary>How long a connected call lasts: the scenario's duration, a random one for a generated call, else until ended.</summary>
    protected static TimeSpan? PlannedDuration(CallScenario scenario, SeededRandom random, SimulationOptions sim) =>
        scenario.DurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds)
        : scenario.Simulated ? random.Between(sim.CallDurationMin, sim.CallDurationMax)
        : null;
}
