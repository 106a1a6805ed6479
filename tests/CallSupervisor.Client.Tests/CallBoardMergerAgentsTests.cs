using System.Text.Json;
using CallSupervisor.Contracts;
using static CallSupervisor.Client.Tests.Wire;

namespace CallSupervisor.Client.Tests;

/// <summary>Agents and queues on the board: agents come whole with a snapshot and with a batch that changed them.</summary>
public sealed class CallBoardMergerAgentsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly CallBoardMerger _merger = new();

    private static AgentDto Agent(string id, string state) =>
        new(id, id.ToUpperInvariant(), state, At, null, null, ["sales"], 0, 0, 0, null);

    private static CallDto Queued(string id, string queue, int secondsAgo, string? agentId = null) =>
        Call(id) with { QueueId = queue, QueueName = queue.ToUpperInvariant(), QueuedAt = At.AddSeconds(-secondsAgo), AgentId = agentId };

    [Fact]
    public void ApplySnapshot_WithAgents_BoardHasThem()
    {
        var board = _merger.ApplySnapshot(Snapshot(5) with { Agents = [Agent("ana", "Available"), Agent("ben", "OnCall")] }).Board;

        Assert.Equal(["ana", "ben"], board.Agents.Select(a => a.AgentId));
    }

    [Fact]
    public void ApplySnapshot_InPartsEachWithAgents_BoardHasThemOnce()
    {
        _merger.ApplySnapshot(new CallsSnapshotDto(5, Counts(2), [Call("a")], 1, 2) { Agents = [Agent("ana", "Available")] });
        var board = _merger.ApplySnapshot(new CallsSnapshotDto(5, Counts(2), [Call("b")], 2, 2) { Agents = [Agent("ana", "Available")] }).Board;

        Assert.Equal(["ana"], board.Agents.Select(a => a.AgentId));
        Assert.Equal(2, board.Calls.Count);
    }

    [Fact]
    public void ApplySnapshot_FromAServerWithoutAgents_BoardHasNone()
    {
        var board = _merger.ApplySnapshot(Snapshot(5, Call("a"))).Board;

        Assert.Empty(board.Agents);
    }

    [Fact]
    public void ApplyChanged_AgentsNull_KeepsTheBoardsAgents()
    {
        _merger.ApplySnapshot(Snapshot(5) with { Agents = [Agent("ana", "Available")] });

        var board = _merger.ApplyChanged(Changed(6, Call("a"))).Board;

        Assert.Equal("Available", Assert.Single(board.Agents).State);
    }

    [Fact]
    public void ApplyChanged_WithAgents_ReplacesThem()
    {
        _merger.ApplySnapshot(Snapshot(5) with { Agents = [Agent("ana", "Available")] });

        var board = _merger.ApplyChanged(Changed(6) with { Agents = [Agent("ana", "Offered")] }).Board;

        Assert.Equal("Offered", Assert.Single(board.Agents).State);
    }

    [Fact]
    public void ApplySnapshot_EarlyBatchWithAgents_AppliedAfterTheSnapshot()
    {
        _merger.ApplyChanged(Changed(6) with { Agents = [Agent("ana", "OnCall")] });

        var board = _merger.ApplySnapshot(Snapshot(5) with { Agents = [Agent("ana", "Available")] }).Board;

        Assert.Equal("OnCall", Assert.Single(board.Agents).State);
    }

    [Fact]
    public void Queues_CountsLiveQueuedCallersWithoutAnAgentPerQueue()
    {
        var board = _merger.ApplySnapshot(Snapshot(5,
            Queued("a", "sales", 40), Queued("b", "sales", 10), Queued("c", "support", 5),
            Queued("d", "sales", 90, agentId: "ana"), Queued("e", "sales", 120) with { State = "Disconnected", EndedAt = At })).Board;

        Assert.Equal(
            [new QueueSummary("sales", "SALES", 2, At.AddSeconds(-40)), new QueueSummary("support", "SUPPORT", 1, At.AddSeconds(-5))],
            board.Queues);
        Assert.Equal(TimeSpan.FromSeconds(40), board.Queues[0].LongestWait(At));
    }

    [Fact]
    public void MessagePack_NewMembers_RoundTripWithTheHubProtocolsOptions()
    {
        var options = new Microsoft.AspNetCore.SignalR.MessagePackHubProtocolOptions().SerializerOptions;
        var batch = Changed(7, Queued("a", "sales", 12) with { Offer = new OfferDto("ana", "Ana Lima", At, null), AgentLeftAt = At })
            with { Agents = [Agent("ana", "Offered")], Counts = Counts(1) with { CallsWaiting = 1 } };

        var back = MessagePack.MessagePackSerializer.Deserialize<CallsChangedDto>(MessagePack.MessagePackSerializer.Serialize(batch, options), options);

        Assert.Equal(JsonSerializer.Serialize(batch), JsonSerializer.Serialize(back));
    }

    [Fact]
    public void Json_MessageOfAnOlderServer_ReadsWithTheNewMembersEmpty()
    {
        // An older server's batch: no agents, no queue members on the call, no waiting count.
        const string json = """
            {"version":3,"counts":{"liveCalls":1,"participants":0,"pendingInvitations":0,"runningMedia":0},
             "changed":[{"callId":"a","platform":"Acs","state":"Connected","caller":null,"callee":null,"startedAt":"2026-12-01T09:00:00+00:00",
                         "endedAt":null,"needsReconcile":false,"participants":[],"invitations":[],"mediaOperations":[]}],
             "removed":[]}
            """;

        var batch = JsonSerializer.Deserialize<CallsChangedDto>(json, JsonSerializerOptions.Web)!;

        Assert.Null(batch.Agents);
        Assert.Equal(0, batch.Counts.CallsWaiting);
        Assert.Null(Assert.Single(batch.Changed).QueueId);
    }

    [Fact]
    public void Json_NewMembers_RoundTripInCamelCase()
    {
        var batch = Changed(7, Queued("a", "sales", 12) with { Offer = new OfferDto("ana", "Ana Lima", At, At.AddSeconds(1)) })
            with { Agents = [Agent("ana", "Offered")], Counts = Counts(1) with { CallsWaiting = 1 } };

        var json = JsonSerializer.Serialize(batch, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<CallsChangedDto>(json, JsonSerializerOptions.Web)!;

        Assert.Contains("\"queueId\":\"sales\"", json, StringComparison.Ordinal);
        Assert.Contains("\"callsWaiting\":1", json, StringComparison.Ordinal);
        Assert.Equal("Ana Lima", back.Changed[0].Offer!.AgentName);
        Assert.Equal("Offered", Assert.Single(back.Agents!).State);
    }
}
