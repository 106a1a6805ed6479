using System.Runtime.CompilerServices;
using CallSupervisor.Audit.Data;
using CallSupervisor.Core.Audit;
using Microsoft.EntityFrameworkCore;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Audit.Queries;

/// <summary><see cref="IAuditQueries"/> on the audit database.</summary>
public sealed class EfAuditQueries(IDbContextFactory<AuditDbContext> contexts) : IAuditQueries
{
    /// <summary>Rows per read of <see cref="ReadAllAsync"/>.</summary>
    internal const int ExportPageSize = 1_000;

    public async Task<AuditPage> ReadPageAsync(AuditFilter filter, AuditPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(request);
        var size = Math.Clamp(request.Size, 1, AuditPageRequest.MaxSize);
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = Filtered(context.Entries, filter);
            List<AuditEntry> page;
            if (request.After is { } after)
            {
                // Oldest first from the cursor up, then turned round. Reaching the newest rows shows the first
                // page instead, so "Newer" never ends on a short page.
                page = await rows.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(size + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (page.Count <= size)
                {
                    page = await rows.OrderByDescending(e => e.Sequence).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    page.RemoveAt(size);
                    page.Reverse();
                }
            }
            else
            {
                var older = request.Before is { } before ? rows.Where(e => e.Sequence < before) : rows;
                page = await older.OrderByDescending(e => e.Sequence).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
            }
            if (page.Count == 0)
            {
                return new AuditPage([], null, null);
            }
            // One index probe each way tells whether the neighbours exist.
            var newest = page[0].Sequence;
            var oldest = page[^1].Sequence;
            var hasNewer = await rows.AnyAsync(e => e.Sequence > newest, cancellationToken).ConfigureAwait(false);
            var hasOlder = await rows.AnyAsync(e => e.Sequence < oldest, cancellationToken).ConfigureAwait(false);
            return new AuditPage([.. page.Select(ToRow)], hasOlder ? oldest : null, hasNewer ? newest : null);
        }
    }

    public async IAsyncEnumerable<AuditRow> ReadAllAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        long? before = null;
        while (true)
        {
            List<AuditEntry> page;
            // A context per page: no connection or transaction is held while the caller writes the rows out.
            var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                var rows = Filtered(context.Entries, filter);
                if (before is { } cursor)
                {
                    rows = rows.Where(e => e.Sequence < cursor);
                }
                page = await rows.OrderByDescending(e => e.Sequence).Take(ExportPageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            }
            foreach (var entry in page)
            {
                yield return ToRow(entry);
            }
            if (page.Count < ExportPageSize)
            {
                yield break;
            }
            before = page[^1].Sequence;
        }
    }

    public async Task<long> CountAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await Filtered(context.Entries, filter).LongCountAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal static IQueryable<AuditEntry> Filtered(IQueryable<AuditEntry> rows, AuditFilter filter)
    {
        if (filter.Supervisor?.Trim() is { Length: > 0 } supervisor)
        {
            // Part of a name matches in any case (lower() on both sides works alike on SQLite and PostgreSQL).
            var lower = supervisor.ToLowerInvariant();
            rows = rows.Where(e => e.ActorId == supervisor || e.ActorName.ToLower().Contains(lower));
        }
        if (filter.Action is { } action)
        {
            var name = action.ToString();
            rows = rows.Where(e => e.Action == name);
        }
        if (filter.Status is { } status)
        {
            var name = status.ToString();
            rows = rows.Where(e => e.Status == name);
        }
        if (filter.CallId?.Trim() is { Length: > 0 } callId)
        {
            rows = rows.Where(e => e.CallId == callId);
        }
        if (filter.From is { } from)
        {
            var at = AuditTime.Utc(from);
            rows = rows.Where(e => e.RequestedAt >= at);
        }
        if (filter.To is { } to)
        {
            var at = AuditTime.Utc(to);
            rows = rows.Where(e => e.RequestedAt < at);
        }
        return rows;
    }

    internal static AuditRow ToRow(AuditEntry e) => new(
        e.Sequence, e.Id, Utc(e.RequestedAt), e.ActorId, e.ActorName, e.ActorRole,
        Enum.Parse<ActionKind>(e.Action), e.CallId, e.Target, e.Description, Enum.Parse<AuditStatus>(e.Status),
        e.Detail, e.ErrorCode, e.AcceptedAt is { } accepted ? Utc(accepted) : null, e.SettledAt is { } settled ? Utc(settled) : null, Utc(e.UpdatedAt));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
