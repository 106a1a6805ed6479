using System.Text;

namespace CallSupervisor.Testing;

/// <summary>
/// A strict RFC 4180 reader for the audit export: every record ends with CRLF, a quoted field may hold anything
/// (doubled quotes, line breaks), a quote anywhere else or a bare line break is malformed. Strict so a test that
/// parses the export back also proves the exporter's quoting. Linked into the audit and end-to-end tests.
/// </summary>
internal static class Csv
{
    /// <summary>The rows after the header, each by column name; a UTF-8 BOM is skipped.</summary>
    public static List<Dictionary<string, string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = Records(text.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            throw new FormatException("The CSV has no header.");
        }
        var header = records[0];
        return [.. records.Skip(1).Select(r => r.Count == header.Count
            ? header.Zip(r).ToDictionary(p => p.First, p => p.Second)
            : throw new FormatException($"A row has {r.Count} fields, the header {header.Count}."))];
    }

    /// <summary>Every record (the header first) as its fields.</summary>
    public static List<List<string>> Records(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                if (field.Length > 0)
                {
                    throw new FormatException($"A quote inside an unquoted field at {i}.");
                }
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else if (c is '\r' or '\n')
            {
                throw new FormatException($"A line break outside quotes that is not CRLF at {i}.");
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted || field.Length > 0 || record.Count > 0)
        {
            throw new FormatException("The last record does not end with CRLF.");
        }
        return records;
    }
}
