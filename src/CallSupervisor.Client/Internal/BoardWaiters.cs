namespace CallSupervisor.Client.Internal;

/// <summary>
/// Conditions waiting for a board. Each is checked once when it is registered and then against every new board,
/// so a wait completes on the message that makes it true; nothing polls.
/// </summary>
internal sealed class BoardWaiters
{
    private readonly Lock _gate = new();
    private readonly List<Waiter> _waiters = [];
    private Exception? _closed;

    /// <summary>How many waits are registered (finished ones are removed, whatever their outcome).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>
    /// Completes with the first board (the current one or a later one) for which <paramref name="condition"/> holds.
    /// Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>, or the reason given to
    /// <see cref="Close"/> once no board can come any more.
    /// </summary>
    public async Task<CallBoard> WaitAsync(Func<CallBoard, bool> condition, Func<CallBoard> current, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(condition);
        Exception? closed;
        lock (_gate)
        {
            closed = _closed;
            _waiters.Add(waiter);
        }
        try
        {
            // Checked after registering, so a board published in between is seen either here or by Notify.
            waiter.TryComplete(current());
            if (closed is not null)
            {
                waiter.Fail(closed);
            }
            return await waiter.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Checks every waiting condition against a new board.</summary>
    public void Notify(CallBoard board)
    {
        foreach (var waiter in Snapshot())
        {
            waiter.TryComplete(board);
        }
    }

    /// <summary>No board will come any more (closed or disposed): fail every wait now and every later one at once.</summary>
    public void Close(Exception reason)
    {
        lock (_gate)
        {
            _closed ??= reason;
            reason = _closed;
        }
        foreach (var waiter in Snapshot())
        {
            waiter.Fail(reason);
        }
    }

    private Waiter[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _waiters];
        }
    }

    private sealed class Waiter(Func<CallBoard, bool> condition)
    {
        private readonly TaskCompletionSource<CallBoard> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<CallBoard> Task => _done.Task;

        public void TryComplete(CallBoard board)
        {
            if (_done.Task.IsCompleted)
            {
                return;
            }
            try
            {
                if (condition(board))
                {
                    _done.TrySetResult(board);
                }
            }
            catch (Exception ex)
            {
                // A throwing condition fails its own wait, not the message handler that checked it.
                _done.TrySetException(ex);
            }
        }

        public void Fail(Exception reason) => _done.TrySetException(reason);
    }
}
