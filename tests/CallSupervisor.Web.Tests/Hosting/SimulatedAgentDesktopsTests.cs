using CallSupervisor.Board.Replication;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Tests;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallSupervisor.Web.Tests.Hosting;

/// <summary>The demo's agent desktops: breaks come and end, an agent set away for missed offers comes back.</summary>
public sealed class SimulatedAgentDesktopsTests
{
    private static readonly ContactCenterDirectory Directory = new(
        [new QueueProfile("sales", "Sales")],
        [
            new AgentProfile("ana", "Ana Lima", CommunicationIdentifier.AcsUser("8:acs:ana"), ["sales"]),
            new AgentProfile("ben", "Ben Okafor", CommunicationIdentifier.AcsUser("8:acs:ben"), ["sales"]),
        ]);

    private readonly ManualTimeProvider _time = new();
    private readonly CallStore _store = new(TimeProvider.System, new CallStoreOptions(TimeSpan.Zero));
    private readonly StoreSink _sink;
    private readonly SimulatedAgentDesktops _desks;

    public SimulatedAgentDesktopsTests()
    {
        _sink = new StoreSink(_store);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Emulator:Simulation:AgentBreakEvery"] = "00:01:00",
            ["Emulator:Simulation:AgentBreakLength"] = "00:02:00",
            ["Emulator:Simulation:AgentBackAfterMissed"] = "00:00:30",
        }).Build();
        var workflow = new WorkflowOptions(true, Directory, new Uri("https://media.example/hold.wav"), new Uri("https://media.example/menu.wav"), TimeSpan.FromSeconds(20));
        _desks = new SimulatedAgentDesktops(_store, workflow, new SingleInstanceLeadership(), _sink, _time, configuration, NullLogger<SimulatedAgentDesktops>.Instance);
        foreach (var agent in Directory.Agents)
        {
            _store.Apply(new AgentStateChanged("in-" + agent.Id, _time.GetUtcNow(), agent.Id, AgentPresence.Available, "Signed in"));
        }
    }

    [Fact]
    public void Tick_OverTime_AnAgentTakesABreakAndComesBack()
    {
        var onBreak = RunUntil(() => _store.Current.Agents.Values.Any(a => a.Reason == "Break"), TimeSpan.FromMinutes(30));
        var agent = _store.Current.Agents.Values.Single(a => a.Reason == "Break");
        Assert.Equal(AgentState.Away, agent.State);

        RunUntil(() => _store.Current.Agents[agent.AgentId].State == AgentState.Available, TimeSpan.FromMinutes(3));

        Assert.Equal("Back at the desk", _store.Current.Agents[agent.AgentId].Reason);
        Assert.InRange(_time.GetUtcNow() - onBreak, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Tick_AgentSetAwayForMissedOffers_BackAfterAWhile()
    {
        _store.Apply(new AgentStateChanged("rona", _time.GetUtcNow(), "ana", AgentPresence.Away, "Missed 2 offers in a row"));

        RunUntil(() => _store.Current.Agents["ana"].State == AgentState.Available, TimeSpan.FromMinutes(2));

        Assert.InRange(_time.GetUtcNow() - _store.Current.Agents["ana"].PresenceSince, TimeSpan.Zero, TimeSpan.Zero);
        Assert.Equal("Back at the desk", _store.Current.Agents["ana"].Reason);
    }

    [Fact]
    public void Tick_OneAgentFree_NeverSentOnABreak()
    {
        _store.Apply(new AgentStateChanged("off", _time.GetUtcNow(), "ben", AgentPresence.Offline, "Gone home"));

        for (var i = 0; i < 600; i++)
        {
            _desks.Tick(_time.GetUtcNow());
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(AgentState.Available, _store.Current.Agents["ana"].State);
    }

    // Ticks once a second until the condition holds; returns when it first held.
    private DateTimeOffset RunUntil(Func<bool> condition, TimeSpan limit)
    {
        var until = _time.GetUtcNow() + limit;
        while (_time.GetUtcNow() < until)
        {
            _desks.Tick(_time.GetUtcNow());
            if (condition())
            {
                return _time.GetUtcNow();
            }
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        throw new Xunit.Sdk.XunitException($"not within {limit}");
    }

    private sealed class StoreSink(CallStore store) : ICallEventSink
    {
        public void Publish(CallEvent callEvent) => store.Apply(callEvent);
    }
}
