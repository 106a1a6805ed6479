using System.Collections.Concurrent;
using System.Text.Json;
using CallSupervisor.Client;
using CallSupervisor.Contracts;
using Xunit.Abstractions;

namespace CallSupervisor.EndToEnd.Tests.ContactCenter;

/// <summary>
/// Minutes of simulated contact-center traffic, with declines and unanswered offers, checked at every batch the hub
/// pushes: no agent is ever offered or on two calls at once, no call is offered to two agents at once, no connected
/// caller is without an agent, a queue place or a running menu for longer than a routing step, and the emulator —
/// which answers an offer to a busy agent with "busy" — counts no double offer.
/// </summary>
public sealed class RoutingInvariantTests(RoutingFixture fixture, ITestOutputHelper output) : IClassFixture<RoutingFixture>
{
    /// <summary>How long the traffic runs (ROUTING_SECONDS to run it longer).</summary>
    private static TimeSpan Traffic => TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("ROUTING_SECONDS"), out var s) ? s : 90);

    [Fact]
    public async Task Traffic_WithDeclinesAndNoAnswers_NoAgentEverOnOrOfferedTwoCallsAndNoCallOfferedTwice()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var violations = new ConcurrentQueue<string>();
        var batches = 0;
        var alone = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var longestAlone = TimeSpan.Zero;
        hub.BoardChanged += (_, board) =>
        {
            Interlocked.Increment(ref batches);
            foreach (var violation in Violations(board))
            {
                violations.Enqueue($"v{board.Version}: {violation}");
            }
            lock (alone)
            {
                var now = DateTime.UtcNow;
                var aloneNow = board.Calls.Values.Where(IsAlone).Select(c => c.CallId).ToHashSet(StringComparer.Ordinal);
                foreach (var gone in alone.Keys.Where(id => !aloneNow.Contains(id)).ToList())
                {
                    alone.Remove(gone);
                }
                foreach (var id in aloneNow)
                {
                    var since = alone.TryGetValue(id, out var first) ? first : alone[id] = now;
                    longestAlone = now - since > longestAlone ? now - since : longestAlone;
                    if (now - since > RoutingStep)
                    {
                        violations.Enqueue($"v{board.Version}: call {id} without an agent, a queue place or a menu for {(now - since).TotalSeconds:0.0} s");
                        alone[id] = now;
                    }
                }
            }
        };

        var start = DateTime.UtcNow;
        // Traffic runs on its own; the test waits for time to pass on the emulator's side, checking as it goes.
        var stats = await Eventually.UntilAsync(
            StatsAsync,
            s => DateTime.UtcNow - start >= Traffic || !violations.IsEmpty,
            "the traffic to run",
            Traffic + TimeSpan.FromSeconds(30),
            TimeSpan.FromSeconds(1),
            s => Task.FromResult(s.ToString()));

        output.WriteLine($"{batches} batches checked over {(DateTime.UtcNow - start).TotalSeconds:0} s; longest a caller was alone: {longestAlone.TotalSeconds:0.0} s; emulator: {stats}");
        Assert.True(violations.IsEmpty, string.Join(Environment.NewLine, violations.Take(20)));
        Assert.Equal(0, stats.GetProperty("doubleOffers").GetInt32());
        Assert.True(stats.GetProperty("arrivals").GetInt32() >= 10, $"too little traffic: {stats}");
        Assert.True(stats.GetProperty("answered").GetInt32() >= 5, $"too few callers reached an agent: {stats}");
        Assert.True(stats.GetProperty("declined").GetInt32() + stats.GetProperty("notAnswered").GetInt32() >= 1, $"no offer was missed: {stats}");
    }

    /// <summary>
    /// One routing step: the router decides every second and within a fifth of a second of a change; the rest is
    /// room for a loaded two-core machine (the hub's batch window, the log's round trip).
    /// </summary>
    private static readonly TimeSpan RoutingStep = TimeSpan.FromSeconds(5);

    /// <summary>A connected ACS caller with no agent, no queue place and no menu running: nobody is dealing with them.</summary>
    internal static bool IsAlone(CallDto call) =>
        call is { Platform: "Acs", State: "Connected", EndedAt: null, QueueId: null, AgentId: null }
        && !call.MediaOperations.Any(m => m.Kind == "Recognize" && m.Status is "Running");

    private async Task<JsonElement> StatsAsync() =>
        JsonDocument.Parse(await fixture.Emulator.GetStringAsync("emulator/stats")).RootElement.Clone();

    /// <summary>What is wrong with one board: an agent on or offered two live calls, a call offered to two agents.</summary>
    internal static IEnumerable<string> Violations(CallBoard board)
    {
        var busy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var call in board.Calls.Values.Where(c => c.EndedAt is null && c.State != "Disconnected"))
        {
            var ringing = call.Invitations.Where(i => i.Status == "Pending").ToList();
            if (ringing.Count > 1)
            {
                yield return $"call {call.CallId} offered to {string.Join(" and ", ringing.Select(i => i.Target.RawId))} at once";
            }
            var agents = ringing.Select(i => i.Target.RawId)
                .Concat(call.Participants.Select(p => p.Identifier.RawId).Where(IsAgent))
                .Distinct(StringComparer.Ordinal);
            foreach (var agent in agents)
            {
                (busy.TryGetValue(agent, out var calls) ? calls : busy[agent] = []).Add(call.CallId);
            }
        }
        foreach (var (agent, calls) in busy.Where(b => b.Value.Count > 1))
        {
            yield return $"agent {agent} on or offered {calls.Count} calls: {string.Join(", ", calls)}";
        }
    }

    private static bool IsAgent(string rawId) =>
        rawId.StartsWith("8:acs:emulator_agent-", StringComparison.Ordinal)
        || rawId.StartsWith("8:acs:emulator_test-agent-", StringComparison.Ordinal)
        || rawId == "8:orgid:00000000-0000-0000-0000-00000000c0de";
}
