
using static CallSupervisor.Client.Tests.Wire;

namespace CallSupervisor.Client.Tests;

/// <summary>The version rule on one connection: snapshot, batches that overtook it, and batches after it.</summary>
public sealed class CallBoardMergerTests
{
    private readonly CallBoardMerger _merger = new();

    [Fact]
    public void Board_BeforeAnySnapshot_IsEmptyAndAwaitingSnapshot()
    {
        Assert.Same(CallBoard.Empty, _merger.Board);
        Assert.Empty(_merger.Board.Calls);
        Assert.Equal(0, _merger.Board.SnapshotsApplied);
        Assert.True(_merger.AwaitingSnapshot);
    }

    [Fact]
    public void ApplySnapshot_First_ReplacesTheEmptyBoard()
    {
        var result = _merger.ApplySnapshot(Snapshot(5, Call("a"), Call("b")));

        Assert.Equal(MergeOutcome.Applied, result.Outcome);
        Assert.True(result.Changed);
        Assert.Same(_merger.Board, result.Board);
        Assert.Equal(5, result.Board.Version);
        Assert.Equal(2, result.Board.Counts.LiveCalls);
        Assert.Equal(["a", "b"], result.Board.Calls.Keys.Order());
        Assert.Equal(1, result.Board.SnapshotsApplied);
        Assert.False(_merger.AwaitingSnapshot);
    }

    [Fact]
    public void ApplyChanged_BeforeSnapshot_IsBufferedAndLeavesTheBoard()
    {
        var result = _merger.ApplyChanged(Changed(3, Call("a")));

        Assert.Equal(MergeOutcome.Buffered, result.Outcome);
        Assert.False(result.Changed);
        Assert.Same(CallBoard.Empty, result.Board);
        Assert.Same(CallBoard.Empty, _merger.Board);
    }

    [Fact]
    public void ApplySnapshot_EarlyBatchNewerThanSnapshot_IsApplied()
    {
        _merger.ApplyChanged(Changed(6, Call("a", "Disconnected")));

        var board = _merger.ApplySnapshot(Snapshot(5, Call("a", "Connected"))).Board;

        Assert.Equal(6, board.Version);
        Assert.Equal("Disconnected", board.Calls["a"].State);
        Assert.Equal(1, board.SnapshotsApplied);
    }

    [Fact]
    public void ApplySnapshot_EarlyBatchAtSnapshotVersion_IsDropped()
    {
        // Already contained in the snapshot: re-applying it would be harmless here, but the rule is "above".
        _merger.ApplyChanged(Changed(5, Call("a", "Connecting")));

        var board = _merger.ApplySnapshot(Snapshot(5, Call("a", "Connected"))).Board;

        Assert.Equal(5, board.Version);
        Assert.Equal("Connected", board.Calls["a"].State);
    }

    [Fact]
    public void ApplySnapshot_EarlyBatchOlderThanSnapshot_IsDropped()
    {
        _merger.ApplyChanged(Changed(2, Call("a", "Connecting"), Call("gone")));

        var board = _merger.ApplySnapshot(Snapshot(5, Call("a", "Connected"))).Board;

        Assert.Equal(5, board.Version);
        Assert.Equal("Connected", board.Calls["a"].State);
        Assert.False(board.Calls.ContainsKey("gone"));
    }

    [Fact]
    public void ApplySnapshot_EarlyBatchesOutOfOrder_AppliesThemInVersionOrder()
    {
        _merger.ApplyChanged(Changed(8, Call("a", "Disconnected")));
        _merger.ApplyChanged(Changed(7, Call("a", "Connected"), Call("b")));
        _merger.ApplyChanged(Changed(4, Call("a", "Connecting")));

        var board = _merger.ApplySnapshot(Snapshot(5, Call("a", "Connecting"))).Board;

        Assert.Equal(8, board.Version);
        Assert.Equal("Disconnected", board.Calls["a"].State);
        Assert.True(board.Calls.ContainsKey("b"));
    }

    [Fact]
    public void ApplySnapshot_EarlyBatches_CountsComeFromTheLastApplied()
    {
        _merger.ApplyChanged(Changed(7, Call("a"), Call("b"), Call("c")));

        var board = _merger.ApplySnapshot(Snapshot(5, Call("a"))).Board;

        Assert.Equal(3, board.Counts.LiveCalls);
    }

    [Fact]
    public void ApplySnapshot_AfterIt_NothingIsBufferedAnyMore()
    {
        _merger.ApplySnapshot(Snapshot(5));

        var result = _merger.ApplyChanged(Changed(6, Call("a")));

        Assert.Equal(MergeOutcome.Applied, result.Outcome);
        Assert.True(result.Board.Calls.ContainsKey("a"));
    }

    [Fact]
    public void ApplyChanged_NewerThanBoard_ReplacesTheCallsAndCounts()
    {
        _merger.ApplySnapshot(Snapshot(5, Call("a", "Connecting"), Call("b")));

        var board = _merger.ApplyChanged(Changed(6, Call("a", "Connected"), Call("c"))).Board;

        Assert.Equal(6, board.Version);
        Assert.Equal("Connected", board.Calls["a"].State);
        Assert.Equal(["a", "b", "c"], board.Calls.Keys.Order());
        Assert.Equal(2, board.Counts.LiveCalls);
        Assert.Equal(1, board.SnapshotsApplied);
    }

    [Fact]
    public void ApplyChanged_VersionGap_IsApplied()
    {
        // The store's version counts changes, and the server coalesces them into batches: gaps are normal.
        _merger.ApplySnapshot(Snapshot(5));

        var result = _merger.ApplyChanged(Changed(19, Call("a")));

        Assert.Equal(MergeOutcome.Applied, result.Outcome);
        Assert.Equal(19, result.Board.Version);
    }

    [Fact]
    public void ApplyChanged_OlderThanBoard_IsIgnored()
    {
        _merger.ApplySnapshot(Snapshot(5, Call("a", "Connected")));
        var before = _merger.Board;

        var result = _merger.ApplyChanged(Changed(4, Call("a", "Connecting"), Call("b")));

        Assert.Equal(MergeOutcome.Ignored, result.Outcome);
        Assert.Same(before, result.Board);
        Assert.Same(before, _merger.Board);
    }

    [Fact]
    public void ApplyChanged_AtBoardVersion_IsIgnored()
    {
        _merger.ApplySnapshot(Snapshot(5, Call("a", "Connected")));

        var result = _merger.ApplyChanged(Changed(5, Call("a", "Connecting")));

        Assert.Equal(MergeOutcome.Ignored, result.Outcome);
        Assert.Equal("Connected", _merger.Board.Calls["a"].State);
    }

    [Fact]
    public void ApplyChanged_OutOfOrderAfterSnapshot_TheOlderIsIgnored()
    {
        _merger.ApplySnapshot(Snapshot(5, Call("a")));
        _merger.ApplyChanged(Changed(9, Call("a", "Disconnected")));

        var late = _merger.ApplyChanged(Changed(7, Call("a", "Connected")));

        Assert.Equal(MergeOutcome.Ignored, late.Outcome);
        Assert.Equal(9, _merger.Board.Version);
        Assert.Equal("Disconnected", _merger.Board.Calls["a"].State);
    }

    [Fact]
    public void ApplyChanged_DuplicateBatch_IsIgnoredTheSecondTime()
    {
        _merger.ApplySnapshot(Snapshot(5));
        var batch = Changed(6, Call("a"));
        var first = _merger.ApplyChanged(batch);

        var second = _merger.ApplyChanged(batch);

        Assert.Equal(MergeOutcome.Applied, first.Outcome);
        Assert.Equal(MergeOutcome.Ignored, second.Outcome);
        Assert.Same(first.Board, second.Board);
    }

    [Fact]
    public void ApplyChanged_DuplicateEarlyBatch_IsBufferedOnce()
    {
        var batch = Changed(6, Call("a", "Connected"));

        var first = _merger.ApplyChanged(batch);
        var second = _merger.ApplyChanged(Changed(6, Call("a", "Connected")));
        var board = _merger.ApplySnapshot(Snapshot(5)).Board;

        Assert.Equal(MergeOutcome.Buffered, first.Outcome);
        Assert.Equal(MergeOutcome.Ignored, second.Outcome);
        Assert.Equal(6, board.Version);
        Assert.Single(board.Calls);
    }

    [Fact]
    public void ApplyChanged_Removed_TakesTheCallOffTheBoard()
    {
        _merger.ApplySnapshot(Snapshot(5, Call("a"), Call("b")));

        var board = _merger.ApplyChanged(Removed(6, "a")).Board;

        Assert.Equal(["b"], board.Calls.Keys);
        Assert.Equal(6, board.Version);
    }

    [Fact]
    public void ApplyChanged_RemovedCallNotOnTheBoard_OnlyMovesTheVersion()
    {
        _merger.ApplySnapshot(Snapshot(5, Call("a")));

        var result = _merger.ApplyChanged(Removed(6, "never-seen"));

        Assert.Equal(MergeOutcome.Applied, result.Outcome);
        Assert.Equal(["a"], result.Board.Calls.Keys);
        Assert.Equal(6, result.Board.Version);
    }

    [Fact]
    public void ApplyChanged_EarlyRemoval_IsAppliedAfterTheSnapshot()
    {
        _merger.ApplyChanged(Removed(6, "a"));

        var board = _merger.ApplySnapshot(Snapshot(5, Call("a"), Call("b"))).Board;

        Assert.Equal(["b"], board.Calls.Keys);
    }

    [Fact]
    public void Board_AfterLaterBatches_EarlierBoardIsUnchanged()
    {
        var earlier = _merger.ApplySnapshot(Snapshot(5, Call("a", "Connected"))).Board;

        _merger.ApplyChanged(Changed(6, Call("a", "Disconnected"), Call("b")));
        _merger.ApplyChanged(Removed(7, "a"));

        Assert.Equal(5, earlier.Version);
        Assert.Equal(["a"], earlier.Calls.Keys);
        Assert.Equal("Connected", earlier.Calls["a"].State);
    }

    [Fact]
    public void ApplyNull_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _merger.ApplySnapshot(null!));
        Assert.Throws<ArgumentNullException>(() => _merger.ApplyChanged(null!));
    }
}
