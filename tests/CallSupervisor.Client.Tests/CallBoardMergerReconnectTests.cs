using System.Collections.Concurrent;
using static CallSupervisor.Client.Tests.Wire;

namespace CallSupervisor.Client.Tests;

/// <summary>The version rule across connections (each starts over with its own snapshot), and under concurrency.</summary>
public sealed class CallBoardMergerReconnectTests
{
    private readonly CallBoardMerger _merger = new();

    public CallBoardMergerReconnectTests()
    {
        _merger.ApplySnapshot(Snapshot(10, Call("a"), Call("b")));
        _merger.ApplyChanged(Changed(11, Call("a", "Disconnected")));
    }

    [Fact]
    public void BeginConnection_Board_KeepsTheLastKnownState()
    {
        var before = _merger.Board;

        _merger.BeginConnection();

        Assert.Same(before, _merger.Board);
        Assert.True(_merger.AwaitingSnapshot);
    }

    [Fact]
    public void BeginConnection_ThenBatch_IsBufferedEvenIfNewer()
    {
        _merger.BeginConnection();

        var result = _merger.ApplyChanged(Changed(12, Call("c")));

        Assert.Equal(MergeOutcome.Buffered, result.Outcome);
        Assert.False(_merger.Board.Calls.ContainsKey("c"));
    }

    [Fact]
    public void BeginConnection_NewSnapshot_ReplacesEverything()
    {
        _merger.BeginConnection();

        var board = _merger.ApplySnapshot(Snapshot(15, Call("b", "Disconnected"), Call("c"))).Board;

        Assert.Equal(15, board.Version);
        Assert.Equal(["b", "c"], board.Calls.Keys.Order());
        Assert.Equal("Disconnected", board.Calls["b"].State);
        Assert.Equal(2, board.SnapshotsApplied);
        Assert.False(_merger.AwaitingSnapshot);
    }

    [Fact]
    public void BeginConnection_EarlyBatchesOfTheNewConnection_AppliedAfterItsSnapshotIfNewer()
    {
        _merger.BeginConnection();
        _merger.ApplyChanged(Changed(17, Call("d")));
        _merger.ApplyChanged(Changed(14, Call("stale")));
        _merger.ApplyChanged(Changed(16, Call("c", "Disconnected")));

        var board = _merger.ApplySnapshot(Snapshot(15, Call("c"))).Board;

        Assert.Equal(17, board.Version);
        Assert.Equal(["c", "d"], board.Calls.Keys.Order());
        Assert.Equal("Disconnected", board.Calls["c"].State);
    }

    [Fact]
    public void BeginConnection_BatchesKeptForThePreviousConnection_AreDiscarded()
    {
        // A connection that dropped before its snapshot: what it buffered belongs to no snapshot.
        _merger.BeginConnection();
        _merger.ApplyChanged(Changed(30, Call("from-the-dead-connection")));

        _merger.BeginConnection();
        var board = _merger.ApplySnapshot(Snapshot(20, Call("a"))).Board;

        Assert.Equal(20, board.Version);
        Assert.Equal(["a"], board.Calls.Keys);
    }

    [Fact]
    public void ApplySnapshot_LowerVersionThanTheBoard_StillReplacesIt()
    {
        // A restarted server counts from zero again; its snapshot is still the truth of the new connection.
        _merger.BeginConnection();

        var board = _merger.ApplySnapshot(Snapshot(2, Call("z"))).Board;

        Assert.Equal(2, board.Version);
        Assert.Equal(["z"], board.Calls.Keys);
    }

    [Fact]
    public void ApplyChanged_AfterAReconnectSnapshot_ComparesWithTheNewVersion()
    {
        _merger.BeginConnection();
        _merger.ApplySnapshot(Snapshot(2, Call("z")));

        var result = _merger.ApplyChanged(Changed(3, Call("z", "Disconnected")));

        Assert.Equal(MergeOutcome.Applied, result.Outcome);
        Assert.Equal("Disconnected", result.Board.Calls["z"].State);
    }

    [Fact]
    public void ApplyChanged_StragglerOfTheOldConnectionAfterTheNewSnapshot_IsIgnored()
    {
        // The old connection's last messages may still be dispatched once the new one has its snapshot; they
        // were sent before the new connection joined, so they are never above its snapshot.
        _merger.BeginConnection();
        _merger.ApplySnapshot(Snapshot(15, Call("a", "Disconnected")));

        var straggler = _merger.ApplyChanged(Changed(11, Call("a", "Connected")));

        Assert.Equal(MergeOutcome.Ignored, straggler.Outcome);
        Assert.Equal("Disconnected", _merger.Board.Calls["a"].State);
    }

    [Fact]
    public async Task ApplyChanged_FromManyThreads_LosesNoAppliedBatch()
    {
        var applied = new ConcurrentBag<string>();
        var versions = Enumerable.Range(12, 400).ToList();

        await Parallel.ForEachAsync(versions, (version, _) =>
        {
            var callId = "call-" + version;
            if (_merger.ApplyChanged(Changed(version, Call(callId))).Changed)
            {
                applied.Add(callId);
            }
            return ValueTask.CompletedTask;
        });

        var board = _merger.Board;
        Assert.Equal(versions.Max(), board.Version);
        // Every batch that reported Applied is on the board; none that was ignored is.
        Assert.Equal(applied.Concat(["a", "b"]).Order(), board.Calls.Keys.Order());
    }
}
