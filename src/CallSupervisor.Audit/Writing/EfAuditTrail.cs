using CallSupervisor.Audit.Data;
using CallSupervisor.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Audit.Writing;

/// <summary>
/// The persisted <see cref="IAuditTrail"/>. <see cref="RecordAsync"/> inserts the row and returns once it is
/// committed (and throws when it cannot be, so the executor sends nothing). <see cref="Update"/> only queues: the
/// <see cref="AuditWriter"/> applies updates in batches with the forward-only rule.
/// </summary>
public sealed partial class EfAuditTrail : IAuditTrail
{
    private readonly IDbContextFactory<AuditDbContext> _contexts;
    private readonly AuditUpdateQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<EfAuditTrail> _logger;
    private readonly Maintenance.AuditWalCheckpoint? _checkpoint;
    private long _dropped;

    internal EfAuditTrail(IDbContextFactory<AuditDbContext> contexts, AuditUpdateQueue queue, TimeProvider time, ILogger<EfAuditTrail> logger, Maintenance.AuditWalCheckpoint? checkpoint = null)
    {
        _contexts = contexts;
        _queue = queue;
        _time = time;
        _logger = logger;
        _checkpoint = checkpoint;
    }

    /// <summary>Updates lost because the queue was full (each one is also logged, see <see cref="Update"/>).</summary>
    public long DroppedUpdates => Interlocked.Read(ref _dropped);

    /// <summary>Updates waiting to be written.</summary>
    public int QueuedUpdates => _queue.Count;

    /// <summary>How many updates may wait (<see cref="AuditOptions.QueueCapacity"/>).</summary>
    public int QueueCapacity => _queue.Capacity;

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var entry = AuditEntryMapping.ToEntry(record, _time.GetUtcNow());
        using var writing = _checkpoint is null ? default : await _checkpoint.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var context = _contexts.CreateDbContext();
        await using (context.ConfigureAwait(false))
        {
            context.Entries.Add(entry);
            // SaveChanges commits its own transaction: when it returns, the row is on disk.
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Update(AuditUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (_queue.TryWrite(new QueuedUpdate(update)))
        {
            return;
        }
        var dropped = Interlocked.Increment(ref _dropped);
        // Logged every time but the message says how many so far, so a burst is one readable story.
        LogDropped(update.AuditId, update.Status, _queue.Capacity, dropped);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit update lost: the queue is full ({Capacity} waiting). Action {AuditId} stays without its {Status} ({Dropped} lost so far)")]
    private partial void LogDropped(string auditId, AuditStatus status, int capacity, long dropped);
}
