using System.Globalization;

namespace CallSupervisor.Web.Reports;

/// <summary>
/// The days a report covers: <c>from</c> and <c>to</c> as <c>YYYY-MM-DD</c>, both included, in the figures' time zone;
/// at most <see cref="MaxDays"/> days (a quarter), so one request cannot read the whole retention.
/// </summary>
public sealed record ReportRange(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End)
{
    public const int MaxDays = 93;

    /// <summary>The range, or why the query does not give one (the detail of a 400).</summary>
    public static bool TryParse(string? from, string? to, TimeZoneInfo zone, out ReportRange? range, out string? error)
    {
        ArgumentNullException.ThrowIfNull(zone);
        range = null;
        if (!TryDay(from, "from", out var first, out error) || !TryDay(to, "to", out var last, out error))
        {
            return false;
        }
        if (last < first)
        {
            error = $"'to' ({last:yyyy-MM-dd}) is before 'from' ({first:yyyy-MM-dd}).";
            return false;
        }
        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            error = $"A report covers at most {MaxDays} days; {first:yyyy-MM-dd} to {last:yyyy-MM-dd} is {last.DayNumber - first.DayNumber + 1}.";
            return false;
        }
        range = new ReportRange(first, last, Midnight(first, zone), Midnight(last.AddDays(1), zone));
        return true;
    }

    private static bool TryDay(string? value, string name, out DateOnly day, out string? error)
    {
        error = null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }
        error = string.IsNullOrWhiteSpace(value) ? $"'{name}' is required (YYYY-MM-DD)." : $"'{name}' is not a day as YYYY-MM-DD: '{value}'.";
        return false;
    }

    /// <summary>The instant the day starts in <paramref name="zone"/> (where midnight is skipped by a clock change, the first hour that exists).</summary>
    internal static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
