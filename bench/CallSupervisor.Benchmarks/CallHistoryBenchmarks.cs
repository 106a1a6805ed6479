using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// Apply cost against the history a call keeps: ended media operations stay in <see cref="Call.MediaOperations"/>
/// until the call is pruned (an IVR or hold-music loop adds one per prompt). A roster update does not touch them,
/// so any growth with <see cref="History"/> is overhead of the store, not of the rule.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
[InvocationCount(1, 1)]
public class CallHistoryBenchmarks
{
    private const int Calls = 1_000;
    private const int Events = 5_000;

    private EventFactory _factory = null!;
    private CallStore _store = null!;
    private CallEvent[] _events = [];

    /// <summary>Ended media operations per call.</summary>
    [Params(0, 10, 100)]
    public int History { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        JitWarmup.Ensure();
        _factory = new EventFactory(Calls);
        _store = StoreSeeder.Seed(_factory);
        for (var call = 0; call < Calls; call++)
        {
            for (var n = 0; n < History; n++)
            {
                var id = new MediaOperationId($"prompt-{n}");
                StoreSeeder.ApplyAll(_store, [_factory.MediaStarted(call, id), _factory.MediaEnded(call, id)]);
            }
        }
    }

    // Rosters only replace the participants, so the store does not change shape between iterations.
    [IterationSetup]
    public void NextBurst() => _events = _factory.Rosters(Events);

    [Benchmark(OperationsPerInvoke = Events)]
    public void RosterUpdate()
    {
        foreach (var callEvent in _events)
        {
            _store.Apply(callEvent);
        }
    }
}
