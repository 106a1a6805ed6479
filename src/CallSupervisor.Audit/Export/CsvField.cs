using System.Globalization;

namespace CallSupervisor.Audit.Export;

/// <summary>One CSV field as RFC 4180 writes it, made safe to open in a spreadsheet.</summary>
internal static class CsvField
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>
    /// A text that a spreadsheet would run as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>, or with
    /// a tab or carriage return, which some strip first) gets a leading <c>'</c>; then a field with a comma, quote or
    /// line break is quoted with its quotes doubled. Names, targets and ACS messages come from outside, so any of
    /// them could be "=HYPERLINK(...)".
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>ISO 8601 in UTC with the full precision stored, e.g. <c>2026-12-01T10:15:30.1234567Z</c>.</summary>
    public static string Time(DateTimeOffset? value) =>
        value is { } at ? at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : "";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
