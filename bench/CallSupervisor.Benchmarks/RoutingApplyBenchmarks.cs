using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// The whole board's apply rate with routing off and on. Each iteration starts from a freshly built board (1,000
/// callers and 500 agents, <see cref="ContactCenterFactory.Board"/>) and applies 400 whole calls, 100 at a time
/// (<see cref="ContactCenterFactory.Lifecycles"/>). Off: the call events only (10 a call: connected, roster, menu
/// started and answered, hold music, invitation, accepted, roster with the agent, hold music cancelled, disconnected)
/// on the same calls without queues or agents. On: the same stream plus queued, offer planned and the agent available again (13 a call), on the board
/// with its queues and agents. The leader variants also take a routing decision after every 10 or 100 events, as the
/// routing service does after each change it is woken for. Figures are per event of each stream. Each iteration
/// starts after a full garbage collection (the previous iteration's store is collected before, not during, the
/// burst; the burst's own collections are measured). 25 measured iterations instead of the usual 7: an iteration is
/// one short burst, and the shared machine's noise is of the order of the difference measured.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
[InvocationCount(1, 1)]
[IterationCount(25)]
public class RoutingApplyBenchmarks
{
    private const int Callers = 1_000;
    private const int Agents = 500;
    private const int Calls = 400;
    private const int Concurrent = 100;
    private const int OffEvents = Calls * ContactCenterFactory.CallEventsPerLifecycle;
    private const int OnEvents = Calls * ContactCenterFactory.RoutedEventsPerLifecycle;

    private CallStore _store = null!;
    private ContactCenterFactory _factory = null!;
    private CallEvent[] _events = [];
    private long _versionBefore;

    /// <summary>Decisions taken in the last iteration (50 of the 500 agents are available and 1,000 callers wait, so
    /// each decision offers calls); kept so the decisions are used.</summary>
    public int Decisions { get; private set; }

    /// <summary>
    /// Both streams and the decision run hot for a second each first: an iteration is one short burst, and the first
    /// benchmark would otherwise measure the other's tier-0 code (these events are not the ones <see cref="JitWarmup"/> runs).
    /// </summary>
    [GlobalSetup]
    public void WarmUp()
    {
        JitWarmup.Ensure();
        foreach (var routing in new[] { false, true })
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(1))
            {
                SetUp(routing);
                ApplyAll(decideEvery: routing ? 100 : 0);
            }
        }
    }

    [IterationSetup(Target = nameof(RoutingOff))]
    public void SetUpOff() => SetUp(routing: false);

    [IterationSetup(Targets = [nameof(RoutingOn), nameof(RoutingOnDecideEvery10), nameof(RoutingOnDecideEvery100)])]
    public void SetUpOn() => SetUp(routing: true);

    /// <summary>The call events alone, on the same calls with no queues or agents.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = OffEvents)]
    public void RoutingOff() => ApplyAll(decideEvery: 0);

    /// <summary>The same calls with their contact-center events, on the board with queues and agents.</summary>
    [Benchmark(OperationsPerInvoke = OnEvents)]
    public void RoutingOn() => ApplyAll(decideEvery: 0);

    /// <summary>Routing on, and the leader's decision after every 10 events.</summary>
    [Benchmark(OperationsPerInvoke = OnEvents)]
    public void RoutingOnDecideEvery10() => ApplyAll(decideEvery: 10);

    /// <summary>Routing on, and the leader's decision after every 100 events.</summary>
    [Benchmark(OperationsPerInvoke = OnEvents)]
    public void RoutingOnDecideEvery100() => ApplyAll(decideEvery: 100);

    [IterationCleanup]
    public void Check() => StoreSeeder.CheckAllApplied(_store, _versionBefore, _events.Length);

    private void SetUp(bool routing)
    {
        _factory = new ContactCenterFactory(Agents);
        _store = StoreSeeder.NewStore();
        StoreSeeder.ApplyAll(_store, _factory.Board(Callers, routing));
        _events = _factory.Lifecycles(0, Calls, Concurrent, routing);
        if (_events.Length != (routing ? OnEvents : OffEvents))
        {
            throw new InvalidOperationException($"{_events.Length} events in the stream");
        }
        _versionBefore = _store.Version;
        Decisions = 0;
        // The previous iteration's store is garbage now: collect it here, not in the middle of the measured burst.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private void ApplyAll(int decideEvery)
    {
        var events = _events;
        for (var i = 0; i < events.Length; i++)
        {
            _store.Apply(events[i]);
            if (decideEvery > 0 && (i + 1) % decideEvery == 0)
            {
                Decisions += Router.Decide(_store.Current, _factory.Directory, _factory.Options, events[i].OccurredAt).Count;
            }
        }
    }
}
