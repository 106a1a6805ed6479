using System.Text;
using CallSupervisor.Audit.Queries;

namespace CallSupervisor.Audit.Export;

/// <summary>
/// Writes the rows of a filter as CSV (RFC 4180: comma-separated, CRLF line ends, a header row), UTF-8 with a byte
/// order mark so spreadsheets read names with accents correctly. Rows are streamed a keyset page at a time: an
/// export of a million rows holds one page in memory.
/// </summary>
public sealed class AuditCsvExporter(IAuditQueries queries)
{
    /// <summary>The header row's column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "sequence", "audit_id", "requested_at", "actor_id", "actor_name", "actor_role", "action", "call_id", "target",
        "description", "status", "detail", "error_code", "accepted_at", "settled_at", "updated_at",
    ];

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes the header and every matching row, newest first, to <paramref name="output"/> (left open). Returns the rows written.</summary>
    public async Task<long> WriteAsync(AuditFilter filter, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(string.Join(',', Columns)).ConfigureAwait(false);
            long count = 0;
            await foreach (var row in queries.ReadAllAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteLineAsync(Line(row)).ConfigureAwait(false);
                if (++count % EfAuditQueries.ExportPageSize == 0)
                {
                    // Sent as it is read, so the download starts at once and memory stays flat.
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    internal static string Line(AuditRow row) => string.Join(',',
        CsvField.Number(row.Sequence),
        CsvField.Text(row.AuditId),
        CsvField.Time(row.RequestedAt),
        CsvField.Text(row.ActorId),
        CsvField.Text(row.ActorName),
        CsvField.Text(row.ActorRole),
        CsvField.Text(row.Action.ToString()),
        CsvField.Text(row.CallId),
        CsvField.Text(row.Target),
        CsvField.Text(row.Description),
        CsvField.Text(row.Status.ToString()),
        CsvField.Text(row.Detail),
        CsvField.Text(row.ErrorCode),
        CsvField.Time(row.AcceptedAt),
        CsvField.Time(row.SettledAt),
        CsvField.Time(row.UpdatedAt));
}
