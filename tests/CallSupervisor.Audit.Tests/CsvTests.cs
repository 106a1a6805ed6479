using System.Text;
using CallSupervisor.Audit.Export;
using CallSupervisor.Audit.Queries;
using CallSupervisor.Core.Audit;
using CallSupervisor.Testing;

namespace CallSupervisor.Audit.Tests;

/// <summary>RFC 4180 quoting and spreadsheet formula neutralisation of the export, checked by parsing the output back.</summary>
public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("line\nfeed", "\"line\nfeed\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("José Álvarez", "José Álvarez")]
    public void Text_QuotesAndNeutralises(string? value, string expected) => Assert.Equal(expected, CsvField.Text(value));

    // OWASP's CSV-injection rule on the first non-blank character: spreadsheets skip leading blanks (and a line
    // break ends up as the cell's first line), and read the full-width and small forms of = + - @ as formulas too.
    [Theory]
    [InlineData("\nline", "\"'\nline\"")]
    [InlineData("\r=1+2", "\"'\r=1+2\"")]
    [InlineData("\t=1+2", "'\t=1+2")]
    [InlineData(" =1+2", "' =1+2")]
    [InlineData("   +1", "'   +1")]
    [InlineData("\u00A0-1", "'\u00A0-1")]
    [InlineData("\u3000@SUM(A1)", "'\u3000@SUM(A1)")]
    [InlineData(" \n =cmd", "\"' \n =cmd\"")]
    [InlineData("\uFF1D1+2", "'\uFF1D1+2")]
    [InlineData("\uFF0B33", "'\uFF0B33")]
    [InlineData("\uFF0D5", "'\uFF0D5")]
    [InlineData("\uFF20SUM(A1)", "'\uFF20SUM(A1)")]
    [InlineData("\uFE66HYPERLINK(1)", "'\uFE66HYPERLINK(1)")]
    [InlineData(" \uFF1DHYPERLINK(\"x\")", "\"' \uFF1DHYPERLINK(\"\"x\"\")\"")]
    [InlineData(" plain", " plain")]
    [InlineData("Agent \uFF1D ana", "Agent \uFF1D ana")]
    [InlineData("   ", "   ")]
    public void Text_FormulaAfterBlanksOrInFullWidth_IsNeutralised(string value, string expected) => Assert.Equal(expected, CsvField.Text(value));

    [Fact]
    public void Time_IsIso8601UtcWithFullPrecision()
    {
        var at = new DateTimeOffset(2026, 12, 1, 11, 15, 30, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        Assert.Equal("2026-12-01T09:15:30.1234567Z", CsvField.Time(at));
        Assert.Equal("", CsvField.Time(null));
    }

    [Fact]
    public async Task Export_HostileValues_ParseBackToTheNeutralisedTextInTheirColumns()
    {
        var row = new AuditRow(7, "supervisor-mute:1", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), "oid-1",
            "=cmd|' /C calc'!A0", "Supervisor", ActionKind.Mute, "call,1", "+8:acs:x", "Mute of \"Agent\"\r\non two lines",
            AuditStatus.Failed, "-403, forbidden", "@code", null, new DateTimeOffset(2026, 12, 1, 9, 0, 1, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 9, 0, 1, TimeSpan.Zero));
        var exporter = new AuditCsvExporter(new OneRow(row));
        using var output = new MemoryStream();

        await exporter.WriteAsync(AuditFilter.None, output, CancellationToken.None);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        // The reader refuses a record not ended by CRLF, so two records mean the header and the row, each ended.
        var records = Csv.Records(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(AuditCsvExporter.Columns, records[0]);
        var fields = records[1];
        Assert.Equal(AuditCsvExporter.Columns.Count, fields.Count);
        string Field(string column) => fields[AuditCsvExporter.Columns.ToList().IndexOf(column)];
        Assert.Equal("'=cmd|' /C calc'!A0", Field("actor_name"));
        Assert.Equal("call,1", Field("call_id"));
        Assert.Equal("'+8:acs:x", Field("target"));
        Assert.Equal("Mute of \"Agent\"\r\non two lines", Field("description"));
        Assert.Equal("'-403, forbidden", Field("detail"));
        Assert.Equal("'@code", Field("error_code"));
        Assert.Equal("", Field("accepted_at"));
        Assert.Equal("2026-12-01T09:00:01.0000000Z", Field("settled_at"));
        Assert.Equal(2, records.Count);
    }

    private sealed class OneRow(AuditRow row) : IAuditQueries
    {
        public Task<AuditPage> ReadPageAsync(AuditFilter filter, AuditPageRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public async IAsyncEnumerable<AuditRow> ReadAllAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return row;
        }

        public Task<long> CountAsync(AuditFilter filter, CancellationToken cancellationToken) => Task.FromResult(1L);
    }
}
