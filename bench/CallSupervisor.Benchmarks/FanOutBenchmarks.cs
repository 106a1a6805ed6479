using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// Publication cost: Apply on a 10,000-call store with <see cref="Subscribers"/> subscriptions (batch window 0),
/// each drained by its own reader loop like a dashboard circuit or the SignalR hub. An invocation ends only when
/// every subscriber has received the last change, so the figure is per event from Apply to delivery, and the
/// allocations include the readers' batches.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
[InvocationCount(1, 1)]
public class FanOutBenchmarks
{
    private const int Calls = 10_000;
    private const int Events = 5_000;

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private EventFactory _factory = null!;
    private CallStore _store = null!;
    private CallEvent[] _events = [];
    private CountdownEvent _delivered = null!;
    private long _target;

    /// <summary>0 is the baseline: Apply with nobody listening.</summary>
    [Params(0, 1, 10, 50)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        JitWarmup.Ensure();
        _factory = new EventFactory(Calls);
        _store = StoreSeeder.Seed(_factory);
        _delivered = new CountdownEvent(Subscribers);
        for (var i = 0; i < Subscribers; i++)
        {
            var subscription = _store.Subscribe(_stop.Token);
            _readers.Add(Task.Run(async () =>
            {
                long signalled = 0;
                await foreach (var batch in subscription.Changes)
                {
                    var target = Volatile.Read(ref _target);
                    if (batch.Version >= target && signalled != target)
                    {
                        signalled = target;
                        _delivered.Signal();
                    }
                }
            }));
        }
    }

    [IterationSetup]
    public void NextBurst()
    {
        // Roster updates only: every one is Applied and published, and the store's size stays constant.
        _events = _factory.Rosters(Events);
        _delivered.Reset(Subscribers);
        Volatile.Write(ref _target, _store.Version + Events);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void ApplyAndDeliver()
    {
        foreach (var callEvent in _events)
        {
            _store.Apply(callEvent);
        }
        _delivered.Wait();
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _stop.Cancel();
        Task.WaitAll([.. _readers]);
        _delivered.Dispose();
        _stop.Dispose();
    }
}
