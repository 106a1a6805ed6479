using System.Runtime.CompilerServices;
using CallSupervisor.Core.EventLog;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>
/// An event log in memory for component and endpoint tests, with the two faults tests need: appends that wait at a
/// gate (a slow log fills the pipeline) and a log that is down (<see cref="Unavailable"/>).
/// </summary>
public sealed class InMemoryEventLog : IEventLog, ICheckpointStore
{
    private readonly List<LogRecord> _records = [];
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Checkpoint? _checkpoint;

    /// <summary>When set, appends wait for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When true, appends and reads fail as a log that cannot be reached.</summary>
    public bool Unavailable { get; set; }

    public IReadOnlyList<LogRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    public async Task<string> AppendAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
        if (Unavailable)
        {
            throw new EventLogUnavailableException("test: the log is down");
        }
        string last;
        lock (_records)
        {
            foreach (var e in events)
            {
                _records.Add(new LogRecord((_records.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "test", e));
            }
            last = _records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Interlocked.Exchange(ref _appended, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return last;
    }

    public async IAsyncEnumerable<LogRecord> ReadAsync(string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = after is null ? 0 : int.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var appended = Volatile.Read(ref _appended).Task;
            if (Unavailable)
            {
                throw ReadFailure();
            }
            List<LogRecord> batch;
            lock (_records)
            {
                batch = [.. _records.Skip(next)];
            }
            foreach (var record in batch)
            {
                next++;
                yield return record;
            }
            if (batch.Count == 0)
            {
                await appended.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Reads refused because the log was down, so far.</summary>
    public int FailedReads => Volatile.Read(ref _failedReads);

    /// <summary>Raised after each refused read.</summary>
    public event Action? ReadFailed;

    private int _failedReads;

    private EventLogUnavailableException ReadFailure()
    {
        Interlocked.Increment(ref _failedReads);
        ReadFailed?.Invoke();
        return new EventLogUnavailableException("test: the log is down");
    }

    public Task<string?> LastPositionAsync(CancellationToken cancellationToken)
    {
        if (Unavailable)
        {
            throw ReadFailure();
        }
        lock (_records)
        {
            return Task.FromResult(_records.Count == 0 ? null : _records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(_checkpoint);

    public Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        _checkpoint = checkpoint;
        return Task.CompletedTask;
    }
}
