using CallSupervisor.Client.Internal;
using static CallSupervisor.Client.Tests.Wire;

namespace CallSupervisor.Client.Tests;

/// <summary>Waits complete on the board that makes them true, time out, cancel and fail without polling.</summary>
public sealed class BoardWaitersTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private readonly BoardWaiters _waiters = new();
    private readonly CallBoardMerger _merger = new();

    private Task<CallBoard> Wait(Func<CallBoard, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _waiters.WaitAsync(condition, () => _merger.Board, timeout ?? Long, cancellationToken);

    private void Publish(CallBoard board) => _waiters.Notify(board);

    [Fact]
    public async Task WaitAsync_ConditionAlreadyTrue_CompletesWithTheCurrentBoard()
    {
        var board = _merger.ApplySnapshot(Snapshot(5, Call("a"))).Board;

        var result = await Wait(b => b.Calls.ContainsKey("a"));

        Assert.Same(board, result);
        Assert.Equal(0, _waiters.Pending);
    }

    [Fact]
    public async Task WaitAsync_BecomesTrueWithALaterBoard_CompletesWithThatBoard()
    {
        _merger.ApplySnapshot(Snapshot(5));
        var waiting = Wait(b => b.Calls.ContainsKey("a"));
        Assert.False(waiting.IsCompleted);

        Publish(_merger.ApplyChanged(Changed(6, Call("b"))).Board);
        Assert.False(waiting.IsCompleted);
        var board = _merger.ApplyChanged(Changed(7, Call("a"))).Board;
        Publish(board);

        Assert.Same(board, await waiting);
        Assert.Equal(0, _waiters.Pending);
    }

    [Fact]
    public async Task WaitAsync_NeverTrue_ThrowsTimeoutAndForgetsTheWait()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => Wait(_ => false, TimeSpan.FromMilliseconds(50)));

        Assert.Equal(0, _waiters.Pending);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_ThrowsOperationCanceledAndForgetsTheWait()
    {
        using var cancel = new CancellationTokenSource();
        var waiting = Wait(_ => false, cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, _waiters.Pending);
    }

    [Fact]
    public async Task WaitAsync_ConditionThrows_FailsOnlyThatWait()
    {
        _merger.ApplySnapshot(Snapshot(5));
        var throwing = Wait(b => b.Version > 5 ? throw new InvalidOperationException("bad condition") : false);
        var other = Wait(b => b.Version > 5);

        Publish(_merger.ApplyChanged(Changed(6)).Board);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => throwing);
        Assert.Equal("bad condition", error.Message);
        Assert.Equal(6, (await other).Version);
    }

    [Fact]
    public async Task WaitAsync_SeveralWaits_EachCompletesOnItsOwnBoard()
    {
        _merger.ApplySnapshot(Snapshot(5));
        var six = Wait(b => b.Version >= 6);
        var seven = Wait(b => b.Version >= 7);

        Publish(_merger.ApplyChanged(Changed(6)).Board);
        Assert.Equal(6, (await six).Version);
        Assert.False(seven.IsCompleted);
        Publish(_merger.ApplyChanged(Changed(7)).Board);

        Assert.Equal(7, (await seven).Version);
    }

    [Fact]
    public async Task Close_PendingWait_FailsWithTheReason()
    {
        var waiting = Wait(_ => false);
        var reason = new InvalidOperationException("closed");

        _waiters.Close(reason);

        Assert.Same(reason, await Assert.ThrowsAsync<InvalidOperationException>(() => waiting));
        Assert.Equal(0, _waiters.Pending);
    }

    [Fact]
    public async Task WaitAsync_AfterClose_FailsAtOnceUnlessTheCurrentBoardAlreadySatisfiesIt()
    {
        var board = _merger.ApplySnapshot(Snapshot(5)).Board;
        _waiters.Close(new ObjectDisposedException("client"));

        Assert.Same(board, await Wait(b => b.Version == 5));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Wait(b => b.Version == 6));
    }

    [Fact]
    public async Task Close_Twice_KeepsTheFirstReason()
    {
        _waiters.Close(new InvalidOperationException("first"));
        _waiters.Close(new ObjectDisposedException("second"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Wait(_ => false));
        Assert.Equal("first", error.Message);
    }
}
