using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.Journal;

/// <summary>
/// Source-generated serializers for what the journal writes: no reflection at start-up, when
/// a snapshot and the journal's tail are read before the first request is served.
/// </summary>
/// <remarks>
/// camelCase names, enums by name (a journal outlives a reordering of members), nulls left out, and computed
/// get-only properties (<see cref="CallEvent.Redeliverable"/>, <see cref="Store.Call.Counts"/>, …) not written:
/// they follow from the rest. Out-of-order metadata is accepted so the discriminator may come anywhere in the
/// object (a store such as PostgreSQL jsonb reorders keys).
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true,
    UseStringEnumConverter = true,
    AllowOutOfOrderMetadataProperties = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(CallIdConverter), typeof(InvitationIdConverter), typeof(MediaOperationIdConverter), typeof(IdentifierConverter)])]
[JsonSerializable(typeof(CallEvent))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;

/// <summary>The context the journal writes and reads with.</summary>
/// <remarks>
/// A class of its own: the generated <see cref="JournalJsonContext.Default"/> is a static of the context's partial
/// class, and a second static there could be initialised before it.
/// </remarks>
internal static class JournalJson
{
    /// <summary>
    /// The default encoder escapes for HTML (<c>+</c> as <c>\u002B</c>, every non-ASCII letter): every phone number
    /// would grow by five bytes and names would be unreadable in the journal. Nothing here is embedded in a page, so
    /// only what JSON itself requires is escaped.
    /// </summary>
    public static JournalJsonContext Context { get; } =
        new(new JsonSerializerOptions(JournalJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
