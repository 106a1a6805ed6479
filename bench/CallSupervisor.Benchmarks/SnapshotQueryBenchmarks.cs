using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// What a calls grid computes from each delivered snapshot of 10,000 calls (<see cref="DashboardState"/>): sort,
/// first page, filters. Run once per batch, i.e. up to 10 times a second per open dashboard.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class SnapshotQueryBenchmarks
{
    private const int PageSize = 50;

    private CallsSnapshot _snapshot = null!;
    private CallId _someCall;

    [GlobalSetup]
    public void SetUp()
    {
        _snapshot = DashboardState.Build(10_000);
        _someCall = _snapshot.Calls.Keys.First();
    }

    /// <summary>The floor: copying every call out of the ImmutableDictionary.</summary>
    [Benchmark(Baseline = true)]
    public Call[] EnumerateAll() => [.. _snapshot.Calls.Values];

    [Benchmark]
    public Call[] OrderByStartedAt() => [.. _snapshot.Calls.Values.OrderBy(c => c.StartedAt)];

    /// <summary>A paged grid: newest 50 (LINQ turns OrderBy + Take into a partial sort).</summary>
    [Benchmark]
    public Call[] NewestPage() => [.. _snapshot.Calls.Values.OrderByDescending(c => c.StartedAt).Take(PageSize)];

    [Benchmark]
    public Call[] WithPendingInvitations() =>
        [.. _snapshot.Calls.Values.Where(c => c.Invitations.Values.Any(i => i.IsOpen))];

    /// <summary>Same result; skips the boxed enumerator of calls that have no invitation at all (most of them).</summary>
    [Benchmark]
    public Call[] WithPendingInvitations_SkipEmpty() =>
        [.. _snapshot.Calls.Values.Where(c => !c.Invitations.IsEmpty && c.Invitations.Values.Any(i => i.IsOpen))];

    [Benchmark]
    public Call[] WithRunningMedia() =>
        [.. _snapshot.Calls.Values.Where(c => c.MediaOperations.Values.Any(m => m.Status == MediaStatus.Running))];

    [Benchmark]
    public Call? FindById() => _snapshot.Find(_someCall);
}
