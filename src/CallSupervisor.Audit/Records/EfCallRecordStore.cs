using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using CallSupervisor.Audit.Data;
using CallSupervisor.Audit.Maintenance;
using CallSupervisor.Core.Figures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CallSupervisor.Audit.Records;

/// <summary>
/// The kept call records (<see cref="ICallRecordStore"/>) in the audit database. Adding is insert-or-ignore on the call
/// id (<c>INSERT … ON CONFLICT (call_id) DO NOTHING RETURNING call_id</c>, the same statement on SQLite and PostgreSQL):
/// every instance writes every call it sees end, and a replay after a restart writes them again, so the first row of a
/// call wins and the others are no-ops. On PostgreSQL a second instance's insert of the same call waits for the first
/// one's transaction and then does nothing. A call's visits and offers are written in the same transaction, only by the
/// insert that created its row, so they are never doubled either.
/// </summary>
public sealed class EfCallRecordStore : ICallRecordStore
{
    /// <summary>Calls read per query by <see cref="ReadAsync"/>.</summary>
    internal const int ReadPageSize = 1_000;

    private readonly IDbContextFactory<AuditDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly AuditWalCheckpoint? _checkpoint;

    internal EfCallRecordStore(IDbContextFactory<AuditDbContext> contexts, TimeProvider time, AuditWalCheckpoint? checkpoint = null)
    {
        _contexts = contexts;
        _time = time;
        _checkpoint = checkpoint;
    }

    /// <summary>A store on <paramref name="contexts"/> (tools and benchmarks; the app's comes from <see cref="AuditServiceCollectionExtensions.AddAuditTrail"/>).</summary>
    public static EfCallRecordStore Create(IDbContextFactory<AuditDbContext> contexts, TimeProvider? time = null) => new(contexts, time ?? TimeProvider.System);

    public async Task AddAsync(IReadOnlyList<CallRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        // The first record of a call in the batch wins, as the first in the table does.
        var distinct = records.DistinctBy(r => r.CallId).ToList();
        if (distinct.Count == 0)
        {
            return;
        }
        var now = _time.GetUtcNow();
        var rows = distinct.Select(r => CallRecordMapping.ToRow(r, now)).ToList();
        using var writing = _checkpoint is null ? default : await _checkpoint.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var inserted = new HashSet<string>(StringComparer.Ordinal);
                // Chunks keep each statement well under both providers' parameter limits.
                foreach (var chunk in rows.Chunk(InsertChunk))
                {
                    var (sql, parameters) = InsertOrIgnore(chunk, context.Database.IsSqlite());
                    var ids = await context.Database.SqlQueryRaw<string>(sql, parameters).ToListAsync(cancellationToken).ConfigureAwait(false);
                    inserted.UnionWith(ids);
                }
                foreach (var record in distinct.Where(r => inserted.Contains(r.CallId.Value)))
                {
                    context.CallQueueVisits.AddRange(CallRecordMapping.Visits(record));
                    context.CallOffers.AddRange(CallRecordMapping.Offers(record));
                }
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task SetWrapUpAsync(IReadOnlyList<WrapUpEnded> wrapUps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrapUps);
        if (wrapUps.Count == 0)
        {
            return;
        }
        using var writing = _checkpoint is null ? default : await _checkpoint.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var wrapUp in wrapUps)
                {
                    var id = wrapUp.CallId.Value;
                    var ms = CallRecordMapping.Ms(wrapUp.WrapUp);
                    // Only where none is set: the first instance to see the wrap-up end decides, as for the record.
                    await context.CallRecords
                        .Where(r => r.CallId == id && r.WrapUpMs == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.WrapUpMs, ms), cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async IAsyncEnumerable<CallRecord> ReadAsync(DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = AuditTime.Utc(from);
        var end = AuditTime.Utc(until);
        (DateTime At, string Id)? after = null;
        while (true)
        {
            List<CallRecordRow> page;
            ILookup<string, CallQueueVisitRow> visits;
            ILookup<string, CallOfferRow> offers;
            // A context per page: nothing is held open while the caller writes the rows out.
            var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                var rows = context.CallRecords.Where(r => r.ArrivedAt >= start && r.ArrivedAt < end);
                if (after is var (at, id))
                {
                    rows = rows.Where(r => r.ArrivedAt > at || (r.ArrivedAt == at && string.Compare(r.CallId, id) > 0));
                }
                page = await rows.OrderBy(r => r.ArrivedAt).ThenBy(r => r.CallId).Take(ReadPageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
                var ids = page.Select(r => r.CallId).ToList();
                visits = (await context.CallQueueVisits.Where(v => ids.Contains(v.CallId)).ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(v => v.CallId, StringComparer.Ordinal);
                offers = (await context.CallOffers.Where(o => ids.Contains(o.CallId)).ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(o => o.CallId, StringComparer.Ordinal);
            }
            foreach (var row in page)
            {
                yield return CallRecordMapping.ToRecord(row, visits[row.CallId], offers[row.CallId]);
            }
            if (page.Count < ReadPageSize)
            {
                yield break;
            }
            after = (page[^1].ArrivedAt, page[^1].CallId);
        }
    }

    private const int InsertChunk = 200;

    /// <summary>The columns of <c>call_records</c> as inserted, with their PostgreSQL parameter types.</summary>
    private static readonly (string Column, NpgsqlDbType Type, Func<CallRecordRow, object?> Value)[] Columns =
    [
        ("call_id", NpgsqlDbType.Varchar, r => r.CallId),
        ("platform", NpgsqlDbType.Varchar, r => r.Platform),
        ("arrived_at", NpgsqlDbType.TimestampTz, r => r.ArrivedAt),
        ("ended_at", NpgsqlDbType.TimestampTz, r => r.EndedAt),
        ("outcome", NpgsqlDbType.Varchar, r => r.Outcome),
        ("queue_id", NpgsqlDbType.Varchar, r => r.QueueId),
        ("queued_at", NpgsqlDbType.TimestampTz, r => r.QueuedAt),
        ("answered_at", NpgsqlDbType.TimestampTz, r => r.AnsweredAt),
        ("wait_ms", NpgsqlDbType.Bigint, r => r.WaitMs),
        ("agent_id", NpgsqlDbType.Varchar, r => r.AgentId),
        ("agent_name", NpgsqlDbType.Varchar, r => r.AgentName),
        ("talk_ms", NpgsqlDbType.Bigint, r => r.TalkMs),
        ("hold_ms", NpgsqlDbType.Bigint, r => r.HoldMs),
        ("wrap_up_ms", NpgsqlDbType.Bigint, r => r.WrapUpMs),
        ("transfers", NpgsqlDbType.Integer, r => r.Transfers),
        ("offers", NpgsqlDbType.Integer, r => r.Offers),
        ("missed_offers", NpgsqlDbType.Integer, r => r.MissedOffers),
        ("caller", NpgsqlDbType.Text, r => r.Caller),
        ("transferred_to", NpgsqlDbType.Text, r => r.TransferredTo),
        ("end_reason", NpgsqlDbType.Text, r => r.EndReason),
        ("queues", NpgsqlDbType.Text, r => r.Queues),
        ("actions", NpgsqlDbType.Text, r => r.Actions),
        ("recorded_at", NpgsqlDbType.TimestampTz, r => r.RecordedAt),
    ];

    private static (string Sql, DbParameter[] Parameters) InsertOrIgnore(IReadOnlyList<CallRecordRow> rows, bool sqlite)
    {
        var sql = new StringBuilder($"INSERT INTO {CallRecordModel.RecordsTable} (");
        sql.AppendJoin(", ", Columns.Select(c => c.Column)).Append(") VALUES ");
        var parameters = new List<DbParameter>(rows.Count * Columns.Length);
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < Columns.Length; c++)
            {
                var name = $"@p{parameters.Count}";
                sql.Append(c == 0 ? "" : ", ").Append(name);
                var value = Columns[c].Value(rows[r]);
                parameters.Add(sqlite
                    // Raw SQL skips the model's converters: SQLite stores instants as UTC ticks (see SqliteAuditDbContext).
                    ? new SqliteParameter(name, value is DateTime at ? at.Ticks : value ?? DBNull.Value)
                    : new NpgsqlParameter(name, Columns[c].Type) { Value = value ?? DBNull.Value });
            }
            sql.Append(')');
        }
        // "Value": the column name EF reads a scalar query's result from.
        sql.Append(" ON CONFLICT (call_id) DO NOTHING RETURNING call_id AS \"Value\"");
        return (sql.ToString(), [.. parameters]);
    }
}
