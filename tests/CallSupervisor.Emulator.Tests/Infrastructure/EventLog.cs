namespace CallSupervisor.Emulator.Tests.Infrastructure;

/// <summary>A thread-safe record of what arrived, with waits on conditions (never sleeps).</summary>
public sealed class EventLog<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<IReadOnlyList<T>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        List<TaskCompletionSource> done = [];
        lock (_gate)
        {
            _items.Add(item);
            foreach (var waiter in _waiters.ToList().Where(w => Holds(w.Condition)))
            {
                _waiters.Remove(waiter);
                done.Add(waiter.Done);
            }
        }
        done.ForEach(d => d.TrySetResult());
    }

    /// <summary>Under the lock: a condition that throws (e.g. a JSON shape it did not expect) simply does not hold yet.</summary>
    private bool Holds(Func<IReadOnlyList<T>, bool> condition)
    {
        try
        {
            return condition(_items);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Waits until an item matches and returns the first match.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(items => items.Any(predicate), timeout);
        return Items.First(predicate);
    }

    /// <summary>Waits until the whole log satisfies a condition.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<T>, bool> condition, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (Holds(condition))
            {
                return;
            }
            _waiters.Add((condition, done));
        }
        try
        {
            // Generous: a 2-core machine shared with other builds can hold a 20 ms event back for seconds.
            await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Condition not met; recorded so far:{Environment.NewLine}{string.Join(Environment.NewLine, Items)}");
        }
    }
}
