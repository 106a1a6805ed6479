using CallSupervisor.Client;
using CallSupervisor.Contracts;

namespace CallSupervisor.EndToEnd.Tests.ContactCenter;

/// <summary>The invariant check itself sees the double bookings it looks for (so a green traffic run means something).</summary>
public sealed class RoutingInvariantCheckTests
{
    private static readonly IdentifierDto Ana = new("CommunicationUser", "8:acs:emulator_agent-ana", "8:acs:emulator_agent-ana");
    private static readonly IdentifierDto Ben = new("CommunicationUser", "8:acs:emulator_agent-ben", "8:acs:emulator_agent-ben");

    [Fact]
    public void Violations_AgentRingingOnOneCallAndTalkingOnAnother_Reported()
    {
        var board = Board(Call("call-1", ringing: [Ana]), Call("call-2", talking: [Ana]));

        Assert.Contains(RoutingInvariantTests.Violations(board), v => v.Contains("agent 8:acs:emulator_agent-ana on or offered 2 calls", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_CallOfferedToTwoAgentsAtOnce_Reported()
    {
        var board = Board(Call("call-1", ringing: [Ana, Ben]));

        Assert.Contains(RoutingInvariantTests.Violations(board), v => v.Contains("call call-1 offered to", StringComparison.Ordinal));
    }

    [Fact]
    public void IsAlone_ConnectedCallerWithoutQueueAgentOrMenu_True_OtherwiseFalse()
    {
        var bare = Call("call-1");

        Assert.True(RoutingInvariantTests.IsAlone(bare));
        Assert.False(RoutingInvariantTests.IsAlone(bare with { QueueId = "sales" }));
        Assert.False(RoutingInvariantTests.IsAlone(bare with { AgentId = "ana" }));
        Assert.False(RoutingInvariantTests.IsAlone(bare with { MediaOperations = [new MediaOperationDto("m", "Recognize", "Menu", "Running", DateTimeOffset.UnixEpoch, null, null)] }));
    }

    [Fact]
    public void Violations_EachAgentOnOneCall_None()
    {
        Assert.Empty(RoutingInvariantTests.Violations(Board(Call("call-1", talking: [Ana]), Call("call-2", ringing: [Ben]))));
    }

    private static CallBoard Board(params CallDto[] calls)
    {
        var merger = new CallBoardMerger();
        merger.BeginConnection();
        merger.ApplySnapshot(new CallsSnapshotDto(1, new CallCountsDto(calls.Length, 0, 0, 0), calls));
        return merger.Board;
    }

    private static CallDto Call(string id, IdentifierDto[]? ringing = null, IdentifierDto[]? talking = null)
    {
        var at = DateTimeOffset.UnixEpoch;
        return new CallDto(id, "Acs", "Connected", null, null, at, null, false,
            [.. (talking ?? []).Select(a => new ParticipantDto(a, false, false, at))],
            [.. (ringing ?? []).Select((a, i) => new InvitationDto($"inv-{id}-{i}", a, "Pending", at, at.AddSeconds(20), false, null, false))],
            []);
    }
}
