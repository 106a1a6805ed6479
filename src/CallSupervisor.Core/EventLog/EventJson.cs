using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.EventLog;

/// <summary>
/// One <see cref="CallEvent"/> as one JSON object, as the event log stores it: the event's properties plus a
/// <c>"type"</c> naming it (the names <see cref="EventTypeNames"/> lists). Reading gives back an event
/// equal to the one written.
/// </summary>
public static class EventJson
{
    /// <summary>The property naming the event type, e.g. <c>"type":"participantsUpdated"</c>.</summary>
    public const string TypeProperty = "type";

    private static readonly FrozenDictionary<Type, string> NamesByType = EventTypeNames.ByType;

    private static readonly FrozenSet<string> Names = NamesByType.Values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every event type and the name it is logged under.</summary>
    public static IReadOnlyDictionary<Type, string> TypeNames => NamesByType;

    /// <summary>
    /// The name <paramref name="callEvent"/> is logged under (for an event log that keeps the type beside the JSON,
    /// e.g. a Redis stream field, to filter without parsing).
    /// </summary>
    public static string TypeNameOf(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        return NamesByType.TryGetValue(callEvent.GetType(), out var name)
            ? name
            : throw new NotSupportedException($"{callEvent.GetType().Name} has no event log name: add one to EventTypeNames.");
    }

    public static string Serialize(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        return JsonSerializer.Serialize(callEvent, EventLogJson.CallEvent);
    }

    public static byte[] SerializeToUtf8Bytes(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        return JsonSerializer.SerializeToUtf8Bytes(callEvent, EventLogJson.CallEvent);
    }

    /// <exception cref="UnknownEventTypeException">The JSON names an event type this build does not know.</exception>
    /// <exception cref="JsonException">The JSON is not an event (malformed, no type, a property of the wrong kind).</exception>
    public static CallEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <inheritdoc cref="Deserialize(string)"/>
    public static CallEvent Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, EventLogJson.CallEvent)
                ?? throw new JsonException("The JSON is null, not an event.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException && e is not UnknownEventTypeException)
        {
            // The serializer's words for a missing or unknown discriminator are about abstract types; the event log
            // reader needs to tell "a type I do not know" from a damaged entry, so the name is looked up here, on
            // the failure path only.
            throw TypeNameIn(utf8Json) switch
            {
                null => new JsonException($"The JSON has no \"{TypeProperty}\" naming the event: {e.Message}", e),
                var name when !Names.Contains(name) => new UnknownEventTypeException(name, e),
                _ => e is JsonException ? e : new JsonException(e.Message, e),
            };
        }
    }

    // The top-level "type" string, wherever it is in the object; null when there is none (or no object).
    private static string? TypeNameIn(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals(TypeProperty);
                reader.Read();
                if (isType)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
