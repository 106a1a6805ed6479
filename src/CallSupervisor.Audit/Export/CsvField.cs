using System.Globalization;

namespace CallSupervisor.Audit.Export;

/// <summary>One CSV field as RFC 4180 writes it, made safe to open in a spreadsheet.</summary>
internal static class CsvField
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>
    /// A text that a spreadsheet would run as a formula gets a leading <c>'</c> (OWASP's CSV-injection rule): it starts
    /// with a tab, carriage return or line feed, or its first non-blank character is <c>=</c>, <c>+</c>, <c>-</c> or
    /// <c>@</c> — in their full-width and small forms too (<c>＝＋－＠</c>, <c>﹦﹢﹣﹫</c>), because spreadsheets skip
    /// leading blanks and fold those forms to ASCII. Then a field with a comma, quote or line break is quoted with its
    /// quotes doubled. Names, targets and ACS messages come from outside, so any of them could be "=HYPERLINK(...)".
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (RunsAsFormula(value))
        {
            value = "'" + value;
        }
        return value.IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static bool RunsAsFormula(string value)
    {
        if (value[0] is '\t' or '\r' or '\n')
        {
            return true;
        }
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '=' or '+' or '-' or '@'
                    or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20'
                    or '\uFE66' or '\uFE62' or '\uFE63' or '\uFE6B';
            }
        }
        return false;
    }

    /// <summary>ISO 8601 in UTC with the full precision stored, e.g. <c>2026-12-01T10:15:30.1234567Z</c>.</summary>
    public static string Time(DateTimeOffset? value) =>
        value is { } at ? at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : "";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in <paramref name="zone"/> with its offset, to the millisecond, e.g. <c>2026-12-01T10:15:30.123+01:00</c>.</summary>
    public static string Time(DateTimeOffset? value, TimeZoneInfo zone) =>
        value is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) : "";

    /// <summary>A duration in seconds, to the millisecond (<c>12.5</c>).</summary>
    public static string Seconds(TimeSpan? value) =>
        value is { } span ? Math.Round(span.TotalSeconds, 3).ToString("0.###", CultureInfo.InvariantCulture) : "";

    /// <summary>A share (0–1) as a percentage with up to two decimals (<c>83.33</c>); empty when there is none.</summary>
    public static string Percent(double? value) =>
        value is { } share && !double.IsNaN(share) ? Math.Round(share * 100, 2).ToString("0.##", CultureInfo.InvariantCulture) : "";
}
