using System.Text;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

/// <summary>An RFC 4180 reader for the audit export: quoted fields with doubled quotes and line breaks; a UTF-8 BOM is skipped.</summary>
public static class Csv
{
    /// <summary>The rows after the header, each by column name.</summary>
    public static List<Dictionary<string, string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = Records(text.TrimStart('\uFEFF')).ToList();
        if (records.Count == 0)
        {
            throw new FormatException("The CSV has no header.");
        }
        var header = records[0];
        return [.. records.Skip(1).Select(r => r.Count == header.Count
            ? header.Zip(r).ToDictionary(p => p.First, p => p.Second)
            : throw new FormatException($"A row has {r.Count} fields, the header {header.Count}."))];
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
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
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
