using System.Collections.Immutable;
using System.Text.Json;
using CallSupervisor.Audit.Data;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Audit.Records;

/// <summary>Between Core's <see cref="CallRecord"/> and its rows.</summary>
internal static class CallRecordMapping
{
    /// <summary>Joins the queues visited in <c>call_records.queues</c>.</summary>
    public const string QueueSeparator = ">";

    public static CallRecordRow ToRow(CallRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrEmpty(record.CallId.Value) || record.CallId.Value.Length > AuditDbContext.NameLength)
        {
            // Never shortened: a cut id could make two calls one.
            throw new ArgumentException($"A call id must have 1 to {AuditDbContext.NameLength} characters.", nameof(record));
        }
        return new CallRecordRow
        {
            CallId = record.CallId.Value,
            Platform = record.Platform.ToString(),
            ArrivedAt = AuditTime.Utc(record.ArrivedAt),
            EndedAt = AuditTime.Utc(record.EndedAt),
            Outcome = record.Outcome.ToString(),
            QueueId = Fit(record.QueueId),
            QueuedAt = Utc(record.QueuedAt),
            AnsweredAt = Utc(record.AnsweredAt),
            WaitMs = record.Wait is { } wait ? Ms(wait) : null,
            AgentId = Fit(record.AgentId),
            AgentName = Fit(record.AgentName),
            TalkMs = Ms(record.Talk),
            HoldMs = Ms(record.Hold),
            WrapUpMs = record.WrapUp is { } wrapUp ? Ms(wrapUp) : null,
            Transfers = record.Transfers,
            Offers = record.Offers.Length,
            MissedOffers = record.MissedOffers,
            Caller = record.Caller,
            TransferredTo = record.TransferredTo,
            EndReason = record.EndReason,
            Queues = string.Join(QueueSeparator, record.Visits.Select(v => v.QueueId)),
            Actions = JsonSerializer.Serialize(record.Actions.Select(a => new StoredAction(a.Kind.ToString(), a.By, a.At.UtcDateTime)).ToArray(), Json),
            RecordedAt = AuditTime.Utc(now),
        };
    }

    public static IEnumerable<CallQueueVisitRow> Visits(CallRecord record) => record.Visits.Select((v, i) => new CallQueueVisitRow
    {
        CallId = record.CallId.Value,
        Seq = i,
        QueueId = Fit(v.QueueId)!,
        EnteredAt = AuditTime.Utc(v.From),
        LeftAt = Utc(v.Until),
        Outcome = v.Outcome.ToString(),
    });

    public static IEnumerable<CallOfferRow> Offers(CallRecord record) => record.Offers.Select((o, i) => new CallOfferRow
    {
        CallId = record.CallId.Value,
        Seq = i,
        AgentId = Fit(o.AgentId)!,
        AgentName = Fit(o.AgentName),
        OfferedAt = AuditTime.Utc(o.At),
        EndedAt = Utc(o.Until),
        Outcome = o.Outcome?.ToString(),
    });

    public static CallRecord ToRecord(CallRecordRow row, IEnumerable<CallQueueVisitRow> visits, IEnumerable<CallOfferRow> offers) => new(
        new CallId(row.CallId),
        Enum.Parse<CallPlatform>(row.Platform),
        At(row.ArrivedAt),
        At(row.EndedAt),
        Enum.Parse<CallOutcome>(row.Outcome),
        row.QueueId,
        At(row.QueuedAt),
        At(row.AnsweredAt),
        row.AgentId,
        row.AgentName,
        TimeSpan.FromMilliseconds(row.TalkMs),
        TimeSpan.FromMilliseconds(row.HoldMs),
        row.WrapUpMs is { } wrapUp ? TimeSpan.FromMilliseconds(wrapUp) : null,
        row.Transfers,
        row.Caller,
        row.TransferredTo,
        row.EndReason,
        [.. visits.OrderBy(v => v.Seq).Select(v => new QueueVisit(v.QueueId, At(v.EnteredAt), At(v.LeftAt), Enum.Parse<VisitOutcome>(v.Outcome)))],
        [.. offers.OrderBy(o => o.Seq).Select(o => new OfferAttempt(o.AgentId, o.AgentName, At(o.OfferedAt), At(o.EndedAt), o.Outcome is null ? null : Enum.Parse<OfferOutcome>(o.Outcome)))],
        Actions(row.Actions));

    /// <summary>A duration as stored: whole milliseconds (rounded), never negative.</summary>
    public static long Ms(TimeSpan value) => value <= TimeSpan.Zero ? 0 : (long)Math.Round(value.TotalMilliseconds, MidpointRounding.AwayFromZero);

    private static ImmutableArray<ActionMark> Actions(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredAction[]>(json, Json) ?? [];
        // An action kind this version does not know (a newer instance wrote it) is left out rather than failing the read.
        return [.. stored.Where(a => Enum.TryParse<ActionKind>(a.Kind, out _)).Select(a => new ActionMark(Enum.Parse<ActionKind>(a.Kind), a.By, At(a.At)))];
    }

    private static DateTime? Utc(DateTimeOffset? value) => value is { } at ? AuditTime.Utc(at) : null;

    private static DateTimeOffset At(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? At(DateTime? value) => value is { } at ? At(at) : null;

    private static string? Fit(string? value) => value is null ? null : AuditEntryMapping.Fit(value, AuditDbContext.NameLength);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An action as kept in <c>call_records.actions</c>: <c>[{"kind":"Mute","by":"Ana","at":"…Z"}]</c>.</summary>
    private sealed record StoredAction(string Kind, string By, DateTime At);
}
