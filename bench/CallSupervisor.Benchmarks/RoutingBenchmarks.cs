using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// One routing decision (<see cref="Router.Decide"/>) on a board of <see cref="Callers"/> queued callers in three
/// queues with priorities and <see cref="Agents"/> agents: of every 20, 2 available, 1 away, 1 in wrap-up, 16 on a
/// call (<see cref="ContactCenterFactory.StateOf"/>). The leader takes this decision after every change of the
/// board. Baselines in the same run: the same agents with no caller queued (what the agents and the calls with an
/// agent cost), and the same board with the available agents away (the callers are ordered, nobody is offered).
/// <see cref="DecideAmongEndedCalls"/>: the same decision with 9,000 ended calls still on the board (a busy center's
/// calls within <c>Calls:EndedRetention</c>), which the router passes over.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class RoutingBenchmarks
{
    private const int EndedCalls = 9_000;

    private Board _routed = null!;
    private Board _noCallers = null!;
    private Board _noneFree = null!;
    private Board _withEnded = null!;

    [Params(100, 1_000)]
    public int Callers { get; set; }

    [Params(50, 500)]
    public int Agents { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        JitWarmup.Ensure();
        var available = Enumerable.Range(0, Agents).Count(a => ContactCenterFactory.StateOf(a) == AgentState.Available);
        _routed = Build(Callers, noneAvailable: false, expectedOffers: Math.Min(available, Callers));
        _noCallers = Build(0, noneAvailable: false, expectedOffers: 0);
        _noneFree = Build(Callers, noneAvailable: true, expectedOffers: 0);
        _withEnded = Build(Callers, noneAvailable: false, expectedOffers: Math.Min(available, Callers), endedCalls: EndedCalls);
    }

    /// <summary>No caller queued: the agents and their calls only.</summary>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<RoutingDecision> NoCallerQueued() => _noCallers.Decide();

    /// <summary>Every caller ordered, nobody offered: no agent is available.</summary>
    [Benchmark]
    public IReadOnlyList<RoutingDecision> NoAgentAvailable() => _noneFree.Decide();

    /// <summary>The board as described: every available agent gets the first caller of their queues.</summary>
    [Benchmark]
    public IReadOnlyList<RoutingDecision> Decide() => _routed.Decide();

    /// <summary>The same decision with <see cref="EndedCalls"/> ended calls on the board as well.</summary>
    [Benchmark]
    public IReadOnlyList<RoutingDecision> DecideAmongEndedCalls() => _withEnded.Decide();

    private Board Build(int callers, bool noneAvailable, int expectedOffers, int endedCalls = 0)
    {
        var factory = new ContactCenterFactory(Agents);
        var store = StoreSeeder.NewStore();
        StoreSeeder.ApplyAll(store, factory.Board(callers, noneAvailable: noneAvailable));
        if (endedCalls > 0)
        {
            var ended = new EventFactory(endedCalls);
            for (var call = 0; call < endedCalls; call++)
            {
                StoreSeeder.ApplyAll(store, [ended.Connected(call), ended.Roster(call), ended.Disconnected(call)]);
            }
        }
        var board = new Board(store.Current, factory, factory.Now.AddSeconds(1));
        Check(board, callers, expectedOffers);
        return board;
    }

    // The board must be the one described, and the decision the expected one, or the figure measures something else.
    private void Check(Board board, int callers, int expectedOffers)
    {
        var queued = board.Snapshot.Calls.Values.Count(c => c.IsQueued);
        var onCall = board.Snapshot.Agents.Values.Count(a => a.State == AgentState.OnCall);
        var expectedOnCall = Enumerable.Range(0, Agents).Count(a => ContactCenterFactory.StateOf(a) == AgentState.OnCall);
        var decisions = board.Decide();
        var offers = decisions.OfType<OfferCall>().Count();
        if (queued != callers || board.Snapshot.Agents.Count != Agents || onCall != expectedOnCall
            || offers != expectedOffers || decisions.Count != offers)
        {
            throw new InvalidOperationException(
                $"board: {queued} queued of {callers}, {board.Snapshot.Agents.Count} agents of {Agents} ({onCall} on a call of {expectedOnCall}); "
                + $"decision: {offers} offers of {expectedOffers}, {decisions.Count} decisions ({string.Join(", ", decisions.Select(d => d.GetType().Name).Distinct())})");
        }
    }

    private sealed record Board(CallsSnapshot Snapshot, ContactCenterFactory Factory, DateTimeOffset Now)
    {
        public IReadOnlyList<RoutingDecision> Decide() => Router.Decide(Snapshot, Factory.Directory, Factory.Options, Now);
    }
}
