using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// Re-applying events whose ids were already applied (ACS redelivers callbacks): each must come back Duplicate
/// without touching the state. Figures are per event.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class DuplicateBenchmarks
{
    private const int Cycles = 1_000;
    private const int Events = Cycles * EventFactory.EventsPerCycle;

    private CallStore _store = null!;
    private CallEvent[] _events = [];

    [Params(100, 1_000, 10_000)]
    public int Calls { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var factory = new EventFactory(Calls);
        _store = StoreSeeder.Seed(factory);
        // 5,000 ids: well inside the default de-duplication window of 10,000.
        _events = factory.Mix(Cycles);
        StoreSeeder.ApplyAll(_store, _events);
        if (_store.Apply(_events[0]).Status != ApplyStatus.Duplicate)
        {
            throw new InvalidOperationException("a re-applied event was not reported as a duplicate");
        }
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public ApplyStatus Redelivered()
    {
        var last = ApplyStatus.Applied;
        foreach (var callEvent in _events)
        {
            last = _store.Apply(callEvent).Status;
        }
        return last;
    }
}
