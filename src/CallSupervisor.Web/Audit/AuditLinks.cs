using System.Globalization;
using CallSupervisor.Audit.Queries;
using CallSupervisor.Core.Audit;
using Microsoft.AspNetCore.WebUtilities;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Web.Audit;

/// <summary>
/// The audit filters in a URL's query string, read and written the same way by the page (<c>/audit</c>) and the
/// export (<c>/audit/export</c>), so "Download CSV" exports exactly what the page shows. Times are UTC: a time
/// without an offset (what a <c>datetime-local</c> field sends) is taken as UTC.
/// </summary>
public static class AuditLinks
{
    public const string PagePath = "/audit";

    public const string ExportPath = "/audit/export";

    /// <summary>Reads a filter from raw query values; an unreadable value is an error naming it.</summary>
    public static bool TryParse(string? supervisor, string? action, string? status, string? call, string? from, string? to, out AuditFilter filter, out string? error)
    {
        filter = AuditFilter.None;
        error = null;
        ActionKind? actionKind = null;
        AuditStatus? auditStatus = null;
        if (!string.IsNullOrWhiteSpace(action))
        {
            if (!Enum.TryParse<ActionKind>(action, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                error = $"Unknown action '{action}'.";
                return false;
            }
            actionKind = parsed;
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<AuditStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                error = $"Unknown status '{status}'.";
                return false;
            }
            auditStatus = parsed;
        }
        if (!TryParseTime(from, out var fromTime) || !TryParseTime(to, out var toTime))
        {
            error = "From and To must be dates and times such as 2026-12-01T09:00 (UTC).";
            return false;
        }
        filter = new AuditFilter
        {
            Supervisor = Blank(supervisor),
            Action = actionKind,
            Status = auditStatus,
            CallId = Blank(call),
            From = fromTime,
            To = toTime,
        };
        return true;
    }

    /// <summary>The query string (with its leading <c>?</c>, or empty) of a filter and an optional page cursor.</summary>
    public static string Query(AuditFilter filter, long? before = null, long? after = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var values = new Dictionary<string, string?>
        {
            ["supervisor"] = filter.Supervisor,
            ["action"] = filter.Action?.ToString(),
            ["status"] = filter.Status?.ToString(),
            ["call"] = filter.CallId,
            ["from"] = FormatTime(filter.From),
            ["to"] = FormatTime(filter.To),
            ["before"] = before?.ToString(CultureInfo.InvariantCulture),
            ["after"] = after?.ToString(CultureInfo.InvariantCulture),
        };
        var query = QueryHelpers.AddQueryString("", values.Where(v => !string.IsNullOrEmpty(v.Value)));
        return query;
    }

    /// <summary>A time as the form and the URL show it: UTC to the minute, or to the second when it has seconds.</summary>
    public static string? FormatTime(DateTimeOffset? value) => value is { } at
        ? at.UtcDateTime.ToString(at.Second == 0 && at.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        : null;

    public static bool TryParseTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }
        return false;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
