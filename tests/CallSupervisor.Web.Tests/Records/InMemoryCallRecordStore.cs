using System.Runtime.CompilerServices;
using CallSupervisor.Core.Figures;

namespace CallSupervisor.Web.Tests.Records;

/// <summary>
/// The call record store's promise in memory: the first record of a call is kept and later ones ignored, a wrap-up is
/// set only where none is. It also counts every write it was asked for, to tell "written again" from "written once".
/// </summary>
internal sealed class InMemoryCallRecordStore : ICallRecordStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CallId, CallRecord> _records = [];
    private readonly List<CallId> _writes = [];

    public IReadOnlyList<CallRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records.Values];
            }
        }
    }

    /// <summary>How many times <paramref name="callId"/>'s record was written (kept or ignored).</summary>
    public int WritesOf(CallId callId)
    {
        lock (_gate)
        {
            return _writes.Count(w => w == callId);
        }
    }

    public Task AddAsync(IReadOnlyList<CallRecord> records, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var record in records)
            {
                _writes.Add(record.CallId);
                _records.TryAdd(record.CallId, record);
            }
        }
        return Task.CompletedTask;
    }

    public Task SetWrapUpAsync(IReadOnlyList<WrapUpEnded> wrapUps, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var wrapUp in wrapUps)
            {
                if (_records.TryGetValue(wrapUp.CallId, out var record) && record.WrapUp is null)
                {
                    _records[wrapUp.CallId] = record with { WrapUp = wrapUp.WrapUp };
                }
            }
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<CallRecord> ReadAsync(DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var record in Records.Where(r => r.ArrivedAt >= from && r.ArrivedAt < until).OrderBy(r => r.ArrivedAt))
        {
            yield return record;
        }
    }
}

/// <summary>Keeps what a component logs at warning or above, for a test's failure message.</summary>
internal sealed class ProblemLog<T> : Microsoft.Extensions.Logging.ILogger<T>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _lines.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }
}
