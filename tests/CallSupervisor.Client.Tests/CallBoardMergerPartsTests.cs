using CallSupervisor.Contracts;
using static CallSupervisor.Client.Tests.Wire;

namespace CallSupervisor.Client.Tests;

/// <summary>A snapshot in parts: shown as it arrives on a first connection, swapped in whole on a reconnect.</summary>
public sealed class CallBoardMergerPartsTests
{
    private readonly CallBoardMerger _merger = new();

    private static CallsSnapshotDto Part(long version, int part, int parts, params CallDto[] calls) =>
        new(version, Counts(3), calls, part, parts);

    [Fact]
    public void FirstConnection_PartsShowAsTheyCome_TheLastMakesTheSnapshotAndAppliesNewerBatches()
    {
        var first = _merger.ApplySnapshot(Part(7, 1, 2, Call("a"), Call("b")));

        Assert.Equal(MergeOutcome.Applied, first.Outcome);
        Assert.True(first.Board.IsPartial);
        Assert.Equal(0, first.Board.SnapshotsApplied);
        Assert.Equal(3, first.Board.Counts.LiveCalls);
        Assert.Equal(["a", "b"], first.Board.Calls.Keys.Order());
        Assert.True(_merger.AwaitingSnapshot);

        // A batch between the parts waits for the whole snapshot.
        Assert.Equal(MergeOutcome.Buffered, _merger.ApplyChanged(Changed(8, Call("a", "Disconnected"))).Outcome);

        var last = _merger.ApplySnapshot(Part(7, 2, 2, Call("c")));

        Assert.False(last.Board.IsPartial);
        Assert.Equal(1, last.Board.SnapshotsApplied);
        Assert.Equal(8, last.Board.Version);
        Assert.Equal(["a", "b", "c"], last.Board.Calls.Keys.Order());
        Assert.Equal("Disconnected", last.Board.Calls["a"].State);
        Assert.False(_merger.AwaitingSnapshot);
    }

    [Fact]
    public void Reconnect_KeepsTheLastBoardUntilTheNewSnapshotIsWhole()
    {
        _merger.ApplySnapshot(Snapshot(3, Call("old")));
        var before = _merger.Board;
        _merger.BeginConnection();

        var part = _merger.ApplySnapshot(Part(1, 1, 2, Call("a")));

        Assert.Equal(MergeOutcome.Buffered, part.Outcome);
        Assert.Same(before, _merger.Board);
        var whole = _merger.ApplySnapshot(Part(1, 2, 2, Call("b")));
        Assert.Equal(["a", "b"], whole.Board.Calls.Keys.Order());
        Assert.Equal(2, whole.Board.SnapshotsApplied);
    }

    [Fact]
    public void PartOutOfOrder_IsIgnored_AndAFreshFirstPartStartsAgain()
    {
        Assert.Equal(MergeOutcome.Ignored, _merger.ApplySnapshot(Part(5, 2, 3, Call("x"))).Outcome);
        _merger.ApplySnapshot(Part(5, 1, 3, Call("a")));
        Assert.Equal(MergeOutcome.Ignored, _merger.ApplySnapshot(Part(5, 3, 3, Call("c"))).Outcome);

        _merger.ApplySnapshot(Part(6, 1, 2, Call("d")));
        var whole = _merger.ApplySnapshot(Part(6, 2, 2, Call("e")));

        Assert.Equal(["d", "e"], whole.Board.Calls.Keys.Order());
        Assert.Equal(1, whole.Board.SnapshotsApplied);
    }
}
