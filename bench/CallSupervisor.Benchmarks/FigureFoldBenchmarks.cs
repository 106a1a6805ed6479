using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;
using CallSupervisor.Core.Store.Rules;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// What the day's figures cost each applied event. The store keeps each call's journey (<c>JourneyRules.Follow</c>) and
/// the day's ledger (<c>FigureRules.Call</c>, <c>FigureRules.Agent</c>) on every event it applies. Each iteration
/// starts from a store at the end of its day (<see cref="FigureDay"/> without the board: a full ledger, 200 agents),
/// restored from its checkpoint, and applies 200 whole calls, 100 at a time, each queued, offered, answered, put on
/// hold and taken off it, and ended (15 events a call). Compared in the same run with:
/// <list type="bullet">
/// <item><see cref="CallsOnly"/> (baseline): the same calls without the contact-center events (no queue, offer or
/// agent: 12 events a call) on the same day built without them, so the journey and ledger have nothing to record;</item>
/// <item><see cref="FoldsOnly"/>: the folds alone, on the calls before and after each event of the routed stream as the
/// store produced them, i.e. the part of <see cref="ContactCenter"/> that is the figures'.</item>
/// </list>
/// Figures are per event.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
[InvocationCount(1, 1)]
[IterationCount(25)]
public class FigureFoldBenchmarks
{
    private const int Calls = 200;
    private const int Concurrent = 100;
    private const int OnEvents = Calls * (ContactCenterFactory.RoutedEventsPerLifecycle + ContactCenterFactory.HoldEventsPerLifecycle);
    private const int OffEvents = Calls * (ContactCenterFactory.CallEventsPerLifecycle + ContactCenterFactory.HoldEventsPerLifecycle);

    private StoreCheckpoint _on = null!;
    private StoreCheckpoint _off = null!;
    private CallEvent[] _onEvents = [];
    private CallEvent[] _offEvents = [];
    private Step[] _steps = [];
    private CallStore _store = null!;
    private CallEvent[] _events = [];
    private long _versionBefore;

    /// <summary>Keeps the folds' results used.</summary>
    public int Sink { get; private set; }

    [GlobalSetup]
    public void SetUp()
    {
        JitWarmup.Ensure();
        // No board at the end: the measured calls are offered to agents of the day who are all free by then.
        var on = new FigureDay(routing: true, board: false);
        var off = new FigureDay(routing: false, board: false);
        _on = on.Checkpoint();
        _off = off.Checkpoint();
        _onEvents = on.Factory.Lifecycles(on.NextCall, Calls, Concurrent, routing: true, holds: true);
        _offEvents = off.Factory.Lifecycles(off.NextCall, Calls, Concurrent, routing: false, holds: true);
        if (_onEvents.Length != OnEvents || _offEvents.Length != OffEvents)
        {
            throw new InvalidOperationException($"{_onEvents.Length} / {_offEvents.Length} events in the streams");
        }
        _steps = Record(on.Fork(_on), _onEvents);
        // Each stream and the folds hot for a second: an iteration is one short burst.
        foreach (var (checkpoint, events) in new[] { (_on, _onEvents), (_off, _offEvents) })
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(1))
            {
                var store = on.Fork(checkpoint);
                foreach (var e in events)
                {
                    store.Apply(e);
                }
            }
        }
        var hot = System.Diagnostics.Stopwatch.StartNew();
        while (hot.Elapsed < TimeSpan.FromSeconds(1))
        {
            FoldsOnly();
        }
    }

    [IterationSetup(Target = nameof(CallsOnly))]
    public void SetUpOff() => Fresh(_off, _offEvents);

    [IterationSetup(Target = nameof(ContactCenter))]
    public void SetUpOn() => Fresh(_on, _onEvents);

    /// <summary>The calls without their queue, offers and agents: journey and ledger have nothing to record.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = OffEvents)]
    public void CallsOnly() => ApplyAll();

    /// <summary>The contact center's calls: queued, offered, answered, on hold and off, ended, the agent available again.</summary>
    [Benchmark(OperationsPerInvoke = OnEvents)]
    public void ContactCenter() => ApplyAll();

    /// <summary>The journey and ledger folds alone, on the same stream's calls before and after each event.</summary>
    [Benchmark(OperationsPerInvoke = OnEvents)]
    public void FoldsOnly()
    {
        var sink = 0;
        foreach (var step in _steps)
        {
            var ledger = step.Ledger;
            if (step.After is { } after)
            {
                var call = JourneyRules.Follow(step.Before, after, step.Event);
                ledger = FigureRules.Call(ledger, step.Before, call, step.Event.OccurredAt);
                sink += call.Journey.Visits.Count;
            }
            foreach (var (previous, next) in step.Agents)
            {
                (_, ledger) = FigureRules.Agent(ledger, previous, next, TimeZoneInfo.Utc);
            }
            sink += ledger.Intervals.Count;
        }
        Sink = sink;
    }

    [IterationCleanup(Targets = [nameof(CallsOnly), nameof(ContactCenter)])]
    public void Check() => StoreSeeder.CheckAllApplied(_store, _versionBefore, _events.Length);

    private void Fresh(StoreCheckpoint checkpoint, CallEvent[] events)
    {
        _store = new CallStore(TimeProvider.System, new CallStoreOptions(TimeSpan.Zero), checkpoint: checkpoint);
        _events = events;
        _versionBefore = _store.Version;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private void ApplyAll()
    {
        var events = _events;
        for (var i = 0; i < events.Length; i++)
        {
            _store.Apply(events[i]);
        }
    }

    /// <summary>What the folds are given for each event: the call before, the call after with the journey it had before
    /// (as the other rules hand it over), the ledger before, and the agents the event changed.</summary>
    private static Step[] Record(CallStore store, CallEvent[] events)
    {
        var steps = new Step[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            var before = store.Current;
            var beforeCall = before.Calls.GetValueOrDefault(e.CallId);
            if (!store.Apply(e).IsApplied)
            {
                throw new InvalidOperationException($"{e.GetType().Name} was not applied");
            }
            var after = store.Current;
            var afterCall = after.Calls.GetValueOrDefault(e.CallId);
            var agents = after.Agents
                .Where(a => !before.Agents.TryGetValue(a.Key, out var was) || !ReferenceEquals(was, a.Value))
                .Select(a => (before.Agents.GetValueOrDefault(a.Key), a.Value))
                .ToArray();
            // An agent's own event (available again) changes no call: only the agent fold runs for it.
            var handed = afterCall is null || ReferenceEquals(afterCall, beforeCall) ? null : afterCall with { Journey = beforeCall?.Journey ?? CallJourney.Empty };
            steps[i] = new Step(e, beforeCall, handed, before.Figures, agents);
        }
        return steps;
    }

    private sealed record Step(CallEvent Event, Call? Before, Call? After, FigureLedger Ledger, (Agent? Previous, Agent Next)[] Agents);
}
