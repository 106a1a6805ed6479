using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace CallSupervisor.Core.Audit;

/// <summary>
/// An <see cref="IAuditTrail"/> in memory, with the same forward-only update rule as the persisted one. For tests and
/// benchmarks: the app records to a database.
/// </summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Set to make <see cref="RecordAsync"/> fail, as a database that is down would.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>Every record with its current status, oldest first.</summary>
    public ImmutableArray<Entry> Entries => [.. _entries.Values.OrderBy(e => e.Record.RequestedAt).ThenBy(e => e.Sequence)];

    private readonly ConcurrentQueue<AuditUpdate> _orphans = new();
    private long _sequence;

    /// <summary>Updates that named no recorded action.</summary>
    public ImmutableArray<AuditUpdate> Orphans => [.. _orphans];

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (FailWith is { } failure)
        {
            return Task.FromException(failure);
        }
        _entries.TryAdd(record.AuditId, new Entry(record, record.Status, [], Interlocked.Increment(ref _sequence)));
        return Task.CompletedTask;
    }

    public void Update(AuditUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        // An update for a row that was never recorded is kept aside (never thrown: this runs in the store's lock).
        while (_entries.TryGetValue(update.AuditId, out var entry))
        {
            var next = entry with { Status = entry.Status.IsFinal() ? entry.Status : update.Status, Updates = entry.Updates.Add(update) };
            if (_entries.TryUpdate(update.AuditId, next, entry))
            {
                return;
            }
        }
        _orphans.Enqueue(update);
    }

    /// <summary>One record, the status it has reached, and every update it received.</summary>
    public sealed record Entry(AuditRecord Record, AuditStatus Status, ImmutableArray<AuditUpdate> Updates, long Sequence);
}
