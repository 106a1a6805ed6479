using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// Apply throughput on a store already holding <see cref="Calls"/> calls. Each iteration starts from a freshly seeded
/// store (so sequence numbers and event ids are new and the state does not drift) and applies one burst; the figures
/// are per event.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
[InvocationCount(1, 1)]
public class ApplyBenchmarks
{
    private const int Cycles = 1_000;
    private const int Events = Cycles * EventFactory.EventsPerCycle;

    private CallStore _store = null!;
    private CallEvent[] _events = [];
    private long _versionBefore;

    [Params(100, 1_000, 10_000)]
    public int Calls { get; set; }

    [GlobalSetup]
    public void WarmUp() => JitWarmup.Ensure();

    [IterationSetup(Target = nameof(Mix))]
    public void SetUpMix()
    {
        var factory = new EventFactory(Calls);
        _store = StoreSeeder.Seed(factory);
        _events = factory.Mix(Cycles);
        _versionBefore = _store.Version;
    }

    [IterationSetup(Target = nameof(RosterOnly))]
    public void SetUpRosters()
    {
        var factory = new EventFactory(Calls);
        _store = StoreSeeder.Seed(factory);
        _events = factory.Rosters(Events);
        _versionBefore = _store.Version;
    }

    /// <summary>Roster, media started, media ended, invitation requested, invitation accepted (20 % each).</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public void Mix() => ApplyAll();

    /// <summary>Only ParticipantsUpdated: nothing accumulates in a call, so only the store size varies.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public void RosterOnly() => ApplyAll();

    [IterationCleanup]
    public void Check() => StoreSeeder.CheckAllApplied(_store, _versionBefore, Events);

    private void ApplyAll()
    {
        foreach (var callEvent in _events)
        {
            _store.Apply(callEvent);
        }
    }
}
