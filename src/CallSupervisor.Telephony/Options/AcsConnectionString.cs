namespace CallSupervisor.Telephony.Options;

/// <summary>A parsed ACS connection string: <c>endpoint=https://…;accesskey=…</c> (keys case-insensitive, any order).</summary>
public sealed record AcsConnectionString(Uri Endpoint, string AccessKey)
{
    /// <summary>Parses a connection string; the error says what is wrong without echoing the key.</summary>
    public static bool TryParse(string? value, out AcsConnectionString? result, out string? error)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "The ACS connection string is empty; expected 'endpoint=https://<resource>.communication.azure.com/;accesskey=<base64 key>'.";
            return false;
        }

        string? endpoint = null;
        string? accessKey = null;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split at the first '=' only: base64 keys end with '=' padding.
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                error = $"The ACS connection string has a segment without 'name=value' (segment {Describe(part)}).";
                return false;
            }

            var name = part[..eq].Trim();
            var item = part[(eq + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = item;
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                accessKey = item;
            }
        }

        if (string.IsNullOrEmpty(endpoint))
        {
            error = "The ACS connection string has no 'endpoint=' value.";
            return false;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri) || (endpointUri.Scheme != Uri.UriSchemeHttps && endpointUri.Scheme != Uri.UriSchemeHttp))
        {
            error = $"The ACS connection string endpoint '{endpoint}' is not an absolute http(s) URL.";
            return false;
        }

        if (string.IsNullOrEmpty(accessKey))
        {
            error = "The ACS connection string has no 'accesskey=' value.";
            return false;
        }

        if (!IsBase64(accessKey))
        {
            error = "The ACS connection string 'accesskey' is not valid base64 (copy it unchanged from the Keys blade).";
            return false;
        }

        // Keep any path (an emulator may serve ACS under a prefix) but always end with '/', so relative request
        // paths append to it.
        var normalized = endpointUri.GetLeftPart(UriPartial.Path);
        result = new AcsConnectionString(new Uri(normalized.EndsWith('/') ? normalized : normalized + "/"), accessKey);
        error = null;
        return true;
    }

    /// <summary>Parses a connection string or throws <see cref="FormatException"/> with the reason.</summary>
    public static AcsConnectionString Parse(string? value) =>
        TryParse(value, out var result, out var error) ? result! : throw new FormatException(error);

    // The key must never appear in logs or exceptions: only the segment name is shown.
    public override string ToString() => $"endpoint={Endpoint};accesskey=***";

    private static string Describe(string part) => part.Length <= 12 ? $"'{part}'" : $"of length {part.Length}";

    private static bool IsBase64(string value)
    {
        var bytes = new byte[((value.Length + 3) / 4) * 3];
        return Convert.TryFromBase64String(value, bytes, out var written) && written > 0;
    }
}
