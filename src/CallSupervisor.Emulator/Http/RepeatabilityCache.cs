using System.Collections.Concurrent;

namespace CallSupervisor.Emulator.Http;

/// <summary>
/// Repeatability-Request-ID: the first request with an id runs; repeats (even concurrent ones) get its result without
/// running again. Server errors are not kept, so a retry after a 5xx really retries.
/// </summary>
internal sealed class RepeatabilityCache
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _entries = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="action"/> once per key; the flag tells whether this call got a stored result.</summary>
    public async Task<(object? Result, bool Replayed)> RunOnceAsync(string key, Func<Task<object?>> action)
    {
        if (_entries.Count > MaxEntries)
        {
            // Crude bound for a long-running emulator; ACS keeps ids for a limited time too.
            _entries.Clear();
        }
        var mine = new Lazy<Task<object?>>(action, LazyThreadSafetyMode.ExecutionAndPublication);
        var entry = _entries.GetOrAdd(key, mine);
        object? result;
        try
        {
            result = await entry.Value;
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
        if (result is not ApiResult { StatusCode: < 500 })
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }
        return (result, !ReferenceEquals(entry, mine));
    }
}
