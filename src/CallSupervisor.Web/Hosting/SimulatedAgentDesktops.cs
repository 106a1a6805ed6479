using CallSupervisor.Board.Replication;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Workflow;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// In the zero-configuration demo, the agents' desktops: the embedded emulator plays ACS and the callers, this plays
/// what agents tell the app through the agent API — now and then an available agent takes a break (Away, "Break") and
/// comes back, and an agent set away after missed offers comes back after a while. It appends the same event the
/// agent API does, seeded by the emulator's seed. Only with <c>Emulator:Simulation:AgentBreaks</c> (on in
/// appsettings.Development.json, off in the end-to-end tests, whose agents must keep still).
/// </summary>
internal sealed partial class SimulatedAgentDesktops(
    ICallsFeed board,
    WorkflowOptions workflow,
    ILeadership leadership,
    ICallEventSink sink,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<SimulatedAgentDesktops> logger) : BackgroundService
{
    /// <summary>On average one break somewhere in the center this often.</summary>
    internal TimeSpan BreakEvery { get; } = configuration.GetValue("Emulator:Simulation:AgentBreakEvery", TimeSpan.FromMinutes(3));

    internal TimeSpan BreakLength { get; } = configuration.GetValue("Emulator:Simulation:AgentBreakLength", TimeSpan.FromMinutes(2));

    /// <summary>How long an agent set away for missed offers takes to notice and come back.</summary>
    internal TimeSpan BackAfterMissed { get; } = configuration.GetValue("Emulator:Simulation:AgentBackAfterMissed", TimeSpan.FromMinutes(1));

    private readonly Random _random = new(configuration.GetValue("Emulator:Seed", 42) + 7);
    private readonly Dictionary<string, DateTimeOffset> _backAt = new(StringComparer.Ordinal);
    private DateTimeOffset? _nextBreak;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (leadership.IsLeader)
                {
                    Tick(time.GetUtcNow());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    /// <summary>One look at the agents: who comes back now, and whether someone goes on a break.</summary>
    internal void Tick(DateTimeOffset now)
    {
        var agents = board.Current.Agents;
        foreach (var agent in agents.Values.Where(a => a.Presence == AgentPresence.Away))
        {
            if (!_backAt.TryGetValue(agent.AgentId, out var back))
            {
                // Someone else set this agent away (missed offers, or a supervisor): back after a while.
                _backAt[agent.AgentId] = agent.PresenceSince + BackAfterMissed;
            }
            else if (back <= now)
            {
                Set(agent.AgentId, AgentPresence.Available, "Back at the desk", now);
                _backAt.Remove(agent.AgentId);
            }
        }
        _nextBreak ??= now + Gap();
        if (_nextBreak > now)
        {
            return;
        }
        _nextBreak = now + Gap();
        var free = agents.Values.Where(a => a.State == AgentState.Available && workflow.Directory.Agent(a.AgentId) is not null).ToList();
        if (free.Count > 1)
        {
            // Never the last one free: a demo center that empties itself is not believable.
            var agent = free[_random.Next(free.Count)];
            Set(agent.AgentId, AgentPresence.Away, "Break", now);
            _backAt[agent.AgentId] = now + BreakLength;
        }
    }

    // Exponential gaps: breaks come at random, about one per BreakEvery.
    private TimeSpan Gap() => TimeSpan.FromTicks((long)(-Math.Log(1 - _random.NextDouble()) * BreakEvery.Ticks));

    private void Set(string agentId, AgentPresence presence, string reason, DateTimeOffset now)
    {
        sink.Publish(new AgentStateChanged($"local:desk:{Guid.NewGuid():N}", now, agentId, presence, reason) { By = "Agent desktop (simulated)" });
        LogSet(agentId, presence, reason);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulated desktop of agent {AgentId}: {Presence} ({Reason})")]
    private partial void LogSet(string agentId, AgentPresence presence, string reason);
}
