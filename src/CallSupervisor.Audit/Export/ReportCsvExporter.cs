using System.Text;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Audit.Export;

/// <summary>
/// The reports as CSV, written as the audit export is (RFC 4180, CRLF, UTF-8 with a byte order mark, every text field
/// neutralised against spreadsheet formulas) and streamed as the records are read. Instants are ISO 8601 with the
/// offset of the figures' time zone, durations in seconds, shares in percent.
/// </summary>
public sealed class ReportCsvExporter(ICallRecordStore records)
{
    /// <summary>The calls report's columns, in order.</summary>
    public static IReadOnlyList<string> CallColumns { get; } =
    [
        "call_id", "platform", "arrived_at", "ended_at", "outcome", "queue_id", "queues", "queued_at", "answered_at", "wait_s",
        "agent_id", "agent_name", "talk_s", "hold_s", "wrap_up_s", "handle_s", "transfers", "offers", "missed_offers",
        "missed_by", "caller", "transferred_to", "end_reason", "actions",
    ];

    /// <summary>The interval report's columns, in order (an empty <c>queue_id</c> is all queues together).</summary>
    public static IReadOnlyList<string> IntervalColumns { get; } =
    [
        "interval_start", "queue_id", "offered", "answered", "abandoned", "short_abandoned", "overflowed", "abandonment_pct",
        "service_level_pct", "service_level_so_far_pct", "asa_s", "longest_answer_s", "handled", "aht_s",
    ];

    /// <summary>
    /// How far before the range the interval report also reads calls: a visit counts in the interval it began, which
    /// for a call that waited in the menu or was moved between queues can be after the call arrived.
    /// </summary>
    public static TimeSpan Lookback { get; } = TimeSpan.FromHours(6);

    private const int FlushEvery = 1_000;

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Every call that arrived in [<paramref name="from"/>, <paramref name="until"/>), oldest first. Returns the rows written.</summary>
    public async Task<long> WriteCallsAsync(DateTimeOffset from, DateTimeOffset until, TimeZoneInfo zone, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(output);
        var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(string.Join(',', CallColumns)).ConfigureAwait(false);
            long count = 0;
            await foreach (var record in records.ReadAsync(from, until, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteLineAsync(CallLine(record, zone)).ConfigureAwait(false);
                if (++count % FlushEvery == 0)
                {
                    // Sent as it is read: the download starts at once and memory stays flat.
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    /// <summary>
    /// The figures of every 15-minute interval in [<paramref name="from"/>, <paramref name="until"/>) with calls, per queue
    /// then for all queues, by <see cref="DayFigures.Tally"/> and <see cref="DayFigures.Intervals"/> — the definitions
    /// the live figures use. Returns the rows written.
    /// </summary>
    public async Task<long> WriteIntervalsAsync(DateTimeOffset from, DateTimeOffset until, Targets targets, TimeZoneInfo zone, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(output);
        // The tally reads the records as they stream (one page in memory, not the range): on a worker thread, because
        // the definitions are synchronous and the read is not.
        var tallies = await Task.Run(
            () => DayFigures.Tally(records.ReadAsync(from - Lookback, until, cancellationToken).ToBlockingEnumerable(cancellationToken))
                .Where(t => t.Start >= from && t.Start < until).ToList(),
            cancellationToken).ConfigureAwait(false);
        var figures = DayFigures.Intervals(tallies, targets, zone);
        var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(string.Join(',', IntervalColumns)).ConfigureAwait(false);
            foreach (var interval in figures.OrderBy(f => f.Start).ThenBy(f => f.QueueId is null).ThenBy(f => f.QueueId, StringComparer.Ordinal))
            {
                await writer.WriteLineAsync(IntervalLine(interval, zone)).ConfigureAwait(false);
            }
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return figures.Count;
        }
    }

    internal static string CallLine(CallRecord r, TimeZoneInfo zone) => string.Join(',',
        CsvField.Text(r.CallId.Value),
        CsvField.Text(r.Platform.ToString()),
        CsvField.Time(r.ArrivedAt, zone),
        CsvField.Time(r.EndedAt, zone),
        CsvField.Text(r.Outcome.ToString()),
        CsvField.Text(r.QueueId),
        CsvField.Text(string.Join('>', r.Visits.Select(v => v.QueueId))),
        CsvField.Time(r.QueuedAt, zone),
        CsvField.Time(r.AnsweredAt, zone),
        CsvField.Seconds(r.Wait),
        CsvField.Text(r.AgentId),
        CsvField.Text(r.AgentName),
        CsvField.Seconds(r.Talk),
        CsvField.Seconds(r.Hold),
        CsvField.Seconds(r.WrapUp),
        CsvField.Seconds(r.HandleTime),
        CsvField.Number(r.Transfers),
        CsvField.Number(r.Offers.Length),
        CsvField.Number(r.MissedOffers),
        CsvField.Text(string.Join(';', r.Offers.Where(o => o.Missed).Select(o => o.AgentName ?? o.AgentId))),
        CsvField.Text(r.Caller),
        CsvField.Text(r.TransferredTo),
        CsvField.Text(r.EndReason),
        CsvField.Text(string.Join("; ", r.Actions.Select(a => $"{a.Kind} by {a.By} at {CsvField.Time(a.At, zone)}"))));

    internal static string IntervalLine(IntervalFigures f, TimeZoneInfo zone) => string.Join(',',
        CsvField.Time(f.Start, zone),
        CsvField.Text(f.QueueId),
        CsvField.Number(f.Offered),
        CsvField.Number(f.Answered),
        CsvField.Number(f.Abandoned),
        CsvField.Number(f.ShortAbandoned),
        CsvField.Number(f.Overflowed),
        CsvField.Percent(f.AbandonmentRate),
        CsvField.Percent(f.ServiceLevel),
        CsvField.Percent(f.ServiceLevelSoFar),
        CsvField.Seconds(f.AverageSpeedOfAnswer),
        CsvField.Seconds(f.LongestSpeedOfAnswer),
        CsvField.Number(f.Handled),
        CsvField.Seconds(f.AverageHandleTime));

}
