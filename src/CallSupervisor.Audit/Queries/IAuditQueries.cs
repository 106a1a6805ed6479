namespace CallSupervisor.Audit.Queries;

/// <summary>Reads the audit trail: pages for the audit page, every matching row for the export.</summary>
public interface IAuditQueries
{
    /// <summary>
    /// One page, newest first (by sequence, i.e. in the order the actions were recorded), keyset-paged so a deep
    /// page costs what the first one does. <see cref="AuditPageRequest.Size"/> is kept within 1–<see cref="AuditPageRequest.MaxSize"/>.
    /// </summary>
    Task<AuditPage> ReadPageAsync(AuditFilter filter, AuditPageRequest request, CancellationToken cancellationToken);

    /// <summary>Every matching row, newest first, read a page at a time (nothing is held in memory but one page).</summary>
    IAsyncEnumerable<AuditRow> ReadAllAsync(AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>How many rows match. Reads every matching index entry: use it where a total is worth that.</summary>
    Task<long> CountAsync(AuditFilter filter, CancellationToken cancellationToken);
}
