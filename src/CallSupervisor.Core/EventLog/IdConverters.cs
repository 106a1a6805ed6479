using System.Text.Json;
using System.Text.Json.Serialization;
using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.EventLog;

/// <summary>
/// Writes a one-string id (<see cref="CallId"/>, <see cref="InvitationId"/>, <see cref="MediaOperationId"/>) as the
/// plain string, not <c>{"value":…}</c>, and as a property name, so the dictionaries keyed by them are JSON objects.
/// </summary>
internal abstract class StringIdConverter<T> : JsonConverter<T>
    where T : struct
{
    protected abstract T Create(string value);

    protected abstract string ValueOf(T id);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Create(reader.GetString()!)
            : throw new JsonException($"A {typeof(T).Name} is a JSON string, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ValueOf(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(ValueOf(value));
}

internal sealed class CallIdConverter : StringIdConverter<CallId>
{
    protected override CallId Create(string value) => new(value);

    protected override string ValueOf(CallId id) => id.Value;
}

internal sealed class InvitationIdConverter : StringIdConverter<InvitationId>
{
    protected override InvitationId Create(string value) => new(value);

    protected override string ValueOf(InvitationId id) => id.Value;
}

internal sealed class MediaOperationIdConverter : StringIdConverter<MediaOperationId>
{
    protected override MediaOperationId Create(string value) => new(value);

    protected override string ValueOf(MediaOperationId id) => id.Value;
}
