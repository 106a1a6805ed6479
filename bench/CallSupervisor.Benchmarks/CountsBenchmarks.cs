using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// The header figures: <see cref="CallsSnapshot.Counts"/> is maintained by the store on every change, so reading it
/// is O(1); the LINQ recount is what a component would do without it, O(calls + invitations + media).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class CountsBenchmarks
{
    private CallsSnapshot _snapshot = null!;

    [Params(100, 1_000, 10_000)]
    public int Calls { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _snapshot = DashboardState.Build(Calls);
        if (LinqRecount() != Precomputed())
        {
            throw new InvalidOperationException($"recount {LinqRecount()} differs from the store's {Precomputed()}");
        }
    }

    [Benchmark(Baseline = true)]
    public CallCounts Precomputed() => _snapshot.Counts;

    [Benchmark]
    public CallCounts LinqRecount()
    {
        var live = _snapshot.Calls.Values.Where(c => c.IsLive).ToList();
        return new CallCounts(
            live.Count,
            live.Sum(c => c.Participants.Count),
            live.Sum(c => c.Invitations.Values.Count(i => i.IsOpen)),
            live.Sum(c => c.MediaOperations.Values.Count(m => m.IsActive)));
    }
}
