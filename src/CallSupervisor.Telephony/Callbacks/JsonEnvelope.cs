using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>Reading helpers shared by the parsers; failures throw <see cref="CallbackFormatException"/> with a path.</summary>
internal static class JsonEnvelope
{
    /// <summary>Parses the body or reports why it is not JSON.</summary>
    public static JsonDocument ParseDocument(ReadOnlyMemory<byte> utf8Body)
    {
        if (utf8Body.IsEmpty)
        {
            throw new CallbackFormatException("The body is empty.");
        }

        // JsonDocument accepts invalid UTF-8 inside strings and only fails when a string is read (with an
        // InvalidOperationException, not a JsonException): check the whole body once, up front.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Body.Span))
        {
            throw new CallbackFormatException("The body is not valid UTF-8.");
        }

        try
        {
            return JsonDocument.Parse(utf8Body);
        }
        catch (JsonException e)
        {
            throw new CallbackFormatException($"The body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// The events of a body that must be a JSON array of objects — or one event object, which is a batch of one (the
    /// CloudEvents HTTP binding's structured mode, <c>application/cloudevents+json</c>) — each with its path
    /// <c>event[i]</c>. The array is checked at once, each element as it is reached. <paramref name="arrayOf"/> and
    /// <paramref name="anEvent"/> name the events in the messages.
    /// </summary>
    public static IEnumerable<(JsonElement Element, string Where)> EventArray(JsonElement root, string arrayOf, string anEvent)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return [(root, "event[0]")];
        }
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new CallbackFormatException($"Expected a JSON array of {arrayOf} or {anEvent}, got {Describe(root.ValueKind)}.");
        }

        return Elements();

        IEnumerable<(JsonElement, string)> Elements()
        {
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                var where = $"event[{index++}]";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw new CallbackFormatException($"{where}: expected {anEvent}, got {Describe(element.ValueKind)}.");
                }

                yield return (element, where);
            }
        }
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    public static string RequireString(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            throw new CallbackFormatException($"{where}: '{name}' is missing or not a non-empty string.");
        }

        return text;
    }

    public static string? OptionalString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An ISO 8601 timestamp property, or <paramref name="fallback"/> when it is absent.</summary>
    public static DateTimeOffset OptionalTime(JsonElement obj, string name, string where, DateTimeOffset fallback)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.String || !value.TryGetDateTimeOffset(out var time))
        {
            throw new CallbackFormatException($"{where}: '{name}' is not an ISO 8601 timestamp.");
        }

        return time;
    }

    /// <summary>The <c>data</c> object deserialized to <typeparamref name="T"/>.</summary>
    public static T RequireData<T>(JsonElement obj, string where, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!obj.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new CallbackFormatException($"{where}: 'data' is missing or not an object.");
        }

        try
        {
            return data.Deserialize(typeInfo) ?? throw new CallbackFormatException($"{where}: 'data' is null.");
        }
        catch (JsonException e)
        {
            // e.Path names the offending property, e.g. $.sequenceNumber.
            throw new CallbackFormatException($"{where}: data does not match the contract at {e.Path}: {e.Message}");
        }
    }
}
