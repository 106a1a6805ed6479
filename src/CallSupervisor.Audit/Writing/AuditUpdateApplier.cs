using CallSupervisor.Audit.Data;
using CallSupervisor.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CallSupervisor.Audit.Writing;

/// <summary>
/// Applies a batch of updates in one transaction with the forward-only rule, written into each statement's
/// condition so that it also holds when several instances share a PostgreSQL database: a final status is never
/// overwritten; <c>Accepted</c> moves only a <c>Sending</c> row on, and sets <c>accepted_at</c> once; a final status
/// applies only to a row that is not final yet, and sets <c>settled_at</c>.
/// </summary>
internal sealed class AuditUpdateApplier(IDbContextFactory<AuditDbContext> contexts, TimeProvider time, Maintenance.AuditWalCheckpoint? checkpoint = null)
{
    private static readonly string Sending = nameof(AuditStatus.Sending);
    private static readonly string Accepted = nameof(AuditStatus.Accepted);

    /// <summary>Applies <paramref name="batch"/> in order; returns the updates whose action has no row (yet).</summary>
    public async Task<IReadOnlyList<QueuedUpdate>> ApplyAsync(IReadOnlyList<QueuedUpdate> batch, CancellationToken cancellationToken)
    {
        var unknown = new List<QueuedUpdate>();
        var now = AuditTime.Utc(time.GetUtcNow());
        using var writing = checkpoint is null ? default : await checkpoint.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var context = contexts.CreateDbContext();
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var item in batch)
                {
                    if (!await ApplyAsync(context, item.Update, now, cancellationToken).ConfigureAwait(false))
                    {
                        unknown.Add(item);
                    }
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        return unknown;
    }

    /// <summary>False when no row has the update's audit id.</summary>
    private static async Task<bool> ApplyAsync(AuditDbContext context, AuditUpdate update, DateTime now, CancellationToken cancellationToken)
    {
        var id = update.AuditId;
        var at = AuditTime.Utc(update.At);
        var rows = context.Entries.Where(e => e.Id == id);
        if (update.Status == AuditStatus.Accepted)
        {
            // A late Accepted (the callback beat the HTTP answer) still records when ACS accepted, but keeps the
            // final status it found.
            return await rows.ExecuteUpdateAsync(s => s
                .SetProperty(e => e.AcceptedAt, e => e.AcceptedAt ?? at)
                .SetProperty(e => e.Status, e => e.Status == Sending ? Accepted : e.Status)
                .SetProperty(e => e.UpdatedAt, now), cancellationToken).ConfigureAwait(false) > 0;
        }
        if (!update.Status.IsFinal())
        {
            // Sending is where a row starts: an update to it says nothing new.
            return await rows.AnyAsync(cancellationToken).ConfigureAwait(false);
        }
        var status = update.Status.ToString();
        var detail = update.Detail;
        var code = update.ErrorCode is null ? null : AuditEntryMapping.Fit(update.ErrorCode, AuditDbContext.ShortLength);
        var changed = await rows
            .Where(e => e.Status == Sending || e.Status == Accepted)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, status)
                .SetProperty(e => e.SettledAt, at)
                .SetProperty(e => e.Detail, e => detail ?? e.Detail)
                .SetProperty(e => e.ErrorCode, e => code ?? e.ErrorCode)
                .SetProperty(e => e.UpdatedAt, now), cancellationToken).ConfigureAwait(false);
        // Nothing changed: either the row is final already (the first final fact wins) or it does not exist.
        return changed > 0 || await rows.AnyAsync(cancellationToken).ConfigureAwait(false);
    }
}
