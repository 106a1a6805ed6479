using CallSupervisor.Emulator.Engine;

namespace CallSupervisor.Emulator.Faults;

/// <summary>
/// The live fault settings. Dropped callbacks draw from a generator of their own (seed + 1) so that switching faults
/// on does not change the simulation's decisions.
/// </summary>
internal sealed class FaultState(FaultSettings initial, int seed)
{
    private readonly Lock _gate = new();
    private readonly SeededRandom _random = new(unchecked(seed + 1));
    private FaultSettings _settings = initial;
    private int _remainingFailures = initial.FailNextRequests;

    public FaultSettings Current
    {
        get
        {
            lock (_gate)
            {
                return _settings with { FailNextRequests = _remainingFailures };
            }
        }
    }

    public void Replace(FaultSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            _remainingFailures = settings.FailNextRequests;
        }
    }

    public TimeSpan RestLatency => TimeSpan.FromMilliseconds(Current.RestLatencyMs);

    /// <summary>Takes one pending failure if it applies to this operation.</summary>
    public InjectedFailure? TryConsumeFailure(string operation)
    {
        lock (_gate)
        {
            if (_remainingFailures <= 0
                || (_settings.FailOperation is { Length: > 0 } only && !string.Equals(only, operation, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            _remainingFailures--;
            return new InjectedFailure(_settings.FailStatusCode, _settings.FailErrorCode, _settings.FailErrorMessage);
        }
    }

    public bool ShouldDropCallback()
    {
        var probability = Current.DropCallbackProbability;
        return probability > 0 && _random.Chance(probability);
    }
}
