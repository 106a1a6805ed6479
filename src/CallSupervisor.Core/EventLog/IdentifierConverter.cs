using System.Text.Json;
using System.Text.Json.Serialization;
using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.EventLog;

/// <summary>
/// A <see cref="CommunicationIdentifier"/> is written as its raw id alone (<c>"4:+14255550123"</c>) when
/// <see cref="CommunicationIdentifier.FromRawId"/> gives it back exactly, which is nearly always; otherwise as
/// <c>{"kind":"CommunicationUser","rawId":…,"value":…}</c>. Identifiers are the bulk of a roster and of a snapshot (caller, callee,
/// every participant and invitee), and the object form is three times longer.
/// </summary>
internal sealed class IdentifierConverter : JsonConverter<CommunicationIdentifier>
{
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText RawId = JsonEncodedText.Encode("rawId");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");

    public override CommunicationIdentifier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var rawId = reader.GetString();
            return string.IsNullOrWhiteSpace(rawId)
                ? throw new JsonException("An identifier's raw id is empty.")
                : CommunicationIdentifier.FromRawId(rawId);
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"An identifier is a string or an object, not {reader.TokenType}.");
        }
        IdentifierKind? kind = null;
        string? raw = null, value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "kind":
                    kind = Enum.TryParse<IdentifierKind>(reader.GetString(), ignoreCase: true, out var k) && Enum.IsDefined(k)
                        ? k
                        : throw new JsonException($"Unknown identifier kind '{reader.GetString()}'.");
                    break;
                case "rawId":
                    raw = reader.GetString();
                    break;
                case "value":
                    value = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return kind is { } known && raw is not null && value is not null
            ? new CommunicationIdentifier(known, raw, value)
            : throw new JsonException("An identifier object needs kind, rawId and value.");
    }

    public override void Write(Utf8JsonWriter writer, CommunicationIdentifier value, JsonSerializerOptions options)
    {
        if (IsRebuiltFromRawId(value))
        {
            writer.WriteStringValue(value.RawId);
            return;
        }
        writer.WriteStartObject();
        // By member name, as every other enum of the event log is written.
        writer.WriteString(Kind, value.Kind.ToString());
        writer.WriteString(RawId, value.RawId);
        writer.WriteString(Value, value.Value);
        writer.WriteEndObject();
    }

    private static bool IsRebuiltFromRawId(CommunicationIdentifier value) =>
        !string.IsNullOrWhiteSpace(value.RawId) && CommunicationIdentifier.FromRawId(value.RawId) == value;
}
