using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.EventLog;

/// <summary>
/// Source-generated serializers for what the event log writes (events, checkpoints): no reflection at start-up, when
/// a snapshot and the event log's tail are read before the first request is served.
/// </summary>
/// <remarks>
/// camelCase names, enums by name (an event log outlives a reordering of members), nulls left out, and computed
/// get-only properties (<see cref="CallEvent.Redeliverable"/>, <see cref="CallSupervisor.Core.Model.Call.Counts"/>, …) not written:
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
[JsonSerializable(typeof(CallConnected))]
[JsonSerializable(typeof(CallDisconnected))]
[JsonSerializable(typeof(ParticipantsUpdated))]
[JsonSerializable(typeof(InvitationRequested))]
[JsonSerializable(typeof(AddParticipantSucceeded))]
[JsonSerializable(typeof(AddParticipantFailed))]
[JsonSerializable(typeof(CancelAddParticipantSucceeded))]
[JsonSerializable(typeof(CancelAddParticipantFailed))]
[JsonSerializable(typeof(MediaOperationStarted))]
[JsonSerializable(typeof(MediaOperationEnded))]
[JsonSerializable(typeof(CallReconciled))]
[JsonSerializable(typeof(InvitationExpired))]
[JsonSerializable(typeof(MediaExpired))]
[JsonSerializable(typeof(CallAnswered))]
[JsonSerializable(typeof(ActionRequested))]
[JsonSerializable(typeof(ActionFailed))]
[JsonSerializable(typeof(ActionExpired))]
[JsonSerializable(typeof(IncomingCallClaimed))]
[JsonSerializable(typeof(CallQueued))]
[JsonSerializable(typeof(OfferPlanned))]
[JsonSerializable(typeof(OfferFailed))]
[JsonSerializable(typeof(AgentStateChanged))]
[JsonSerializable(typeof(OperationReported))]
[JsonSerializable(typeof(RecordingChanged))]
[JsonSerializable(typeof(TargetsChanged))]
[JsonSerializable(typeof(AlertAcknowledged))]
[JsonSerializable(typeof(CheckpointDocument))]
internal sealed partial class EventLogJsonContext : JsonSerializerContext;

/// <summary>The serializers the event log writes and reads with: the generated ones, with two adjustments.</summary>
/// <remarks>
/// A class of its own: the generated <see cref="EventLogJsonContext.Default"/> is a static of the context's partial
/// class, and a second static there could be initialised before it.
/// </remarks>
internal static class EventLogJson
{
    /// <summary>
    /// The default encoder escapes for HTML (<c>+</c> as <c>\u002B</c>, every non-ASCII letter): every phone number
    /// would grow by five bytes and names would be unreadable in the journal. Nothing here is embedded in a page, so
    /// only what JSON itself requires is escaped.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(EventLogJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = EventLogJsonContext.Default.WithAddedModifier(NameEventTypes).WithAddedModifier(RequireNonNullableParameters),
    };

    public static JsonTypeInfo<CallEvent> CallEvent { get; } = (JsonTypeInfo<CallEvent>)Options.GetTypeInfo(typeof(CallEvent));

    public static JsonTypeInfo<CheckpointDocument> Checkpoint { get; } =
        (JsonTypeInfo<CheckpointDocument>)Options.GetTypeInfo(typeof(CheckpointDocument));

    // CallEvent is written with its type's name (EventTypeNames) as "type"; the events carry no serializer attributes.
    private static void NameEventTypes(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(CallEvent))
        {
            return;
        }
        var polymorphism = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = EventJson.TypeProperty };
        foreach (var (type, name) in EventTypeNames.ByType)
        {
            polymorphism.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
        typeInfo.PolymorphismOptions = polymorphism;
    }

    // A constructor parameter that may not be null and has no default must be in the JSON: missing, it would be
    // read as null (or an empty id) and fail later inside the store, far from the entry that caused it. Nullable
    // ones may be absent (nulls are not written); so may a parameter added later with a default, which is how an
    // event grows without making older entries unreadable. An init property (how events and calls grow) is never
    // required: the generator passes it like a constructor parameter (a "member initializer") without a default, and
    // required, an event log or checkpoint written before it was added would no longer read.
    private static void RequireNonNullableParameters(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            property.IsRequired = property.AssociatedParameter is { IsNullable: false, HasDefaultValue: false, IsMemberInitializer: false };
        }
    }
}
