using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>Every event reads back from its JSON as it was written, whatever it holds.</summary>
public sealed class EventJsonTests
{
    /// <summary>Every concrete event type of the Core, found by reflection: a new one is tested without being listed.</summary>
    public static TheoryData<string> EventTypes { get; } = [.. ConcreteEventTypes().Select(t => t.Name)];

    internal static IEnumerable<Type> ConcreteEventTypes() =>
        typeof(CallEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CallEvent)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal);

    private static Type EventType(string name) => ConcreteEventTypes().Single(t => t.Name == name);

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void RoundTrip_EveryFieldSet_GivesAnEqualEvent(string type)
    {
        var original = (CallEvent)SampleValues.Full(EventType(type));

        var json = EventJson.Serialize(original);
        var read = EventJson.Deserialize(json);

        Structural.AssertEqual(original, read);
        AssertRecordEqualUnlessItHoldsCollections(original, read);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void RoundTrip_NullsAndEmptyCollections_GivesAnEqualEvent(string type)
    {
        var original = (CallEvent)SampleValues.Sparse(EventType(type));

        var read = EventJson.Deserialize(EventJson.Serialize(original));

        Structural.AssertEqual(original, read);
        AssertRecordEqualUnlessItHoldsCollections(original, read);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void RoundTrip_Utf8_IsTheSameJson(string type)
    {
        var original = (CallEvent)SampleValues.Full(EventType(type));

        var bytes = EventJson.SerializeToUtf8Bytes(original);

        Assert.Equal(EventJson.Serialize(original), Encoding.UTF8.GetString(bytes));
        Structural.AssertEqual(original, EventJson.Deserialize(bytes));
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Serialize_LeavesOutComputedProperties(string type)
    {
        var json = EventJson.Serialize((CallEvent)SampleValues.Full(EventType(type)));

        // Derived from the type, not data: written, they would only grow every entry.
        Assert.DoesNotContain("redeliverable", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("canBeMuted", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Serialize_Roster_IsTheEventLogFormat()
    {
        var roster = new ParticipantsUpdated(
            "evt-7", new CallId("call-1"), new DateTimeOffset(2026, 1, 1, 9, 0, 1, 250, TimeSpan.Zero), 3,
            [
                new ParticipantState(TestEvents.Caller, IsMuted: false, IsOnHold: true),
                new ParticipantState(TestEvents.Agent, IsMuted: true, IsOnHold: false) { DisplayName = "Ana" },
            ]);

        // Pins the wire format (names, ids as strings, identifiers by raw id, UTC times): a change here means
        // event logs already written read differently.
        Assert.Equal(
            """{"type":"participantsUpdated","sequenceNumber":3,"participants":[{"identifier":"4:+14255550123","isMuted":false,"isOnHold":true},{"identifier":"8:acs:agent-0001-aaaaaaaaaaaaaaaaaaaaaaaa","isMuted":true,"isOnHold":false,"displayName":"Ana"}],"eventId":"evt-7","callId":"call-1","occurredAt":"2026-01-01T09:00:01.25+00:00"}""",
            EventJson.Serialize(roster));
    }

    [Fact]
    public void Serialize_ActionFailed_IsTheEventLogFormat()
    {
        var request = new CallSupervisor.Core.Events.SupervisorRequest("Sam", new DateTimeOffset(2026, 1, 1, 9, 30, 0, TimeSpan.Zero), "supervisor-mute:1", "oid-sam");
        var failed = new ActionFailed(
            "action:supervisor-mute:1:failed", new CallId("call-1"), new DateTimeOffset(2026, 1, 1, 9, 30, 1, TimeSpan.Zero),
            new CallSupervisor.Core.Events.PendingAction(CallSupervisor.Core.Events.ActionKind.Mute, TestEvents.Agent.RawId, request),
            new Core.Ports.TelephonyError(403, "Forbidden", "Not allowed"));

        Assert.Equal(
            """{"type":"actionFailed","action":{"kind":"Mute","target":"8:acs:agent-0001-aaaaaaaaaaaaaaaaaaaaaaaa","request":{"supervisor":"Sam","requestedAt":"2026-01-01T09:30:00+00:00","operationContext":"supervisor-mute:1","supervisorId":"oid-sam"}},"error":{"httpStatus":403,"code":"Forbidden","message":"Not allowed"},"eventId":"action:supervisor-mute:1:failed","callId":"call-1","occurredAt":"2026-01-01T09:30:01+00:00"}""",
            EventJson.Serialize(failed));
    }

    [Theory]
    [InlineData(IdentifierKind.PhoneNumber, "4:+14255550123", "+14255550123", "\"4:+14255550123\"")]
    [InlineData(IdentifierKind.CommunicationUser, "8:acs:r_u", "8:acs:r_u", "\"8:acs:r_u\"")]
    [InlineData(IdentifierKind.MicrosoftTeamsApp, "28:orgid:app", "app", "\"28:orgid:app\"")]
    [InlineData(IdentifierKind.CommunicationUser, "8:acs:r_u", "u", """{"kind":"CommunicationUser","rawId":"8:acs:r_u","value":"u"}""")]
    [InlineData(IdentifierKind.Unknown, "4:+1", "+1", """{"kind":"Unknown","rawId":"4:+1","value":"+1"}""")]
    [InlineData(IdentifierKind.PhoneNumber, " ", "", """{"kind":"PhoneNumber","rawId":" ","value":""}""")]
    public void Identifier_ShortFormOnlyWhenTheRawIdGivesItBack(IdentifierKind kind, string rawId, string value, string expected)
    {
        var identifier = new CommunicationIdentifier(kind, rawId, value);
        var failed = new AddParticipantFailed("e", new CallId("c"), DateTimeOffset.UnixEpoch, null, identifier, null);

        var json = EventJson.Serialize(failed);
        var read = (AddParticipantFailed)EventJson.Deserialize(json);

        Assert.Contains($"\"participant\":{expected}", json, StringComparison.Ordinal);
        Assert.Equal(identifier, read.Participant);
    }

    [Theory]
    [InlineData("""{"kind":"7","rawId":"x","value":"x"}""")]
    [InlineData("""{"kind":"Robot","rawId":"x","value":"x"}""")]
    [InlineData("""{"rawId":"x","value":"x"}""")]
    [InlineData("\"\"")]
    [InlineData("42")]
    public void Identifier_NotOne_ThrowsJsonException(string identifier)
    {
        var json = $$"""{"type":"addParticipantSucceeded","eventId":"e","callId":"c","occurredAt":"2026-01-01T09:00:00+00:00","participant":{{identifier}}}""";

        Assert.ThrowsAny<JsonException>(() => EventJson.Deserialize(json));
    }

    [Fact]
    public void Deserialize_TypeNotFirst_IsRead()
    {
        var json = """{"eventId":"e","callId":"c","occurredAt":"2026-01-01T09:00:00+00:00","type":"invitationExpired","invitationId":"inv-1"}""";

        var read = Assert.IsType<InvitationExpired>(EventJson.Deserialize(json));

        Assert.Equal(new InvitationId("inv-1"), read.InvitationId);
    }

    [Fact]
    public void Deserialize_PropertyOfAnotherVersion_IsIgnored()
    {
        // A field a later version added: an older reader still reads the event.
        var json = """{"type":"mediaExpired","eventId":"e","callId":"c","occurredAt":"2026-01-01T09:00:00+00:00","operationId":"p","addedLater":{"x":[1]}}""";

        Assert.Equal(new MediaOperationId("p"), Assert.IsType<MediaExpired>(EventJson.Deserialize(json)).OperationId);
    }

    [Theory]
    [InlineData("""{"eventId":"e","callId":"c"}""")]
    [InlineData("""{"type":7,"eventId":"e"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""null""")]
    [InlineData("""{"type":"callDisconnected",""")]
    [InlineData("""{"type":"callDisconnected","eventId":"e","callId":{"value":"c"},"occurredAt":"2026-01-01T09:00:00+00:00"}""")]
    public void Deserialize_NotAnEvent_ThrowsJsonExceptionNotUnknownType(string json)
    {
        var thrown = Assert.ThrowsAny<JsonException>(() => EventJson.Deserialize(json));

        Assert.IsNotType<UnknownEventTypeException>(thrown);
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("callId")]
    [InlineData("occurredAt")]
    [InlineData("participants")]
    public void Deserialize_RequiredFieldMissing_ThrowsNamingIt(string field)
    {
        var roster = EventJson.Serialize(new TestEvents().Roster(1, TestEvents.In(TestEvents.Agent)));
        var json = JsonNode.Parse(roster)!.AsObject();
        Assert.True(json.Remove(field));

        var thrown = Assert.ThrowsAny<JsonException>(() => EventJson.Deserialize(json.ToJsonString()));

        Assert.IsNotType<UnknownEventTypeException>(thrown);
        Assert.Contains(field, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_RosterWithoutSequenceNumber_ReadsItAsNone()
    {
        // Older ACS API versions send none; the roster is then ordered by its time (RosterRules).
        var json = """{"type":"participantsUpdated","participants":[],"eventId":"e","callId":"c","occurredAt":"2026-01-01T09:00:00+00:00"}""";

        Assert.Null(Assert.IsType<ParticipantsUpdated>(EventJson.Deserialize(json)).SequenceNumber);
    }

    [Fact]
    public void Deserialize_NullableFieldMissing_IsNull()
    {
        var json = """{"type":"callConnected","eventId":"e","callId":"c","occurredAt":"2026-01-01T09:00:00+00:00","platform":"Graph"}""";

        var read = Assert.IsType<CallConnected>(EventJson.Deserialize(json));

        Assert.Equal(CallPlatform.Graph, read.Platform);
        Assert.Null(read.Caller);
        Assert.Null(read.CallerName);
    }

    [Fact]
    public void Deserialize_NullForANonNullableField_ThrowsJsonException()
    {
        var json = """{"type":"invitationExpired","eventId":null,"callId":"c","occurredAt":"2026-01-01T09:00:00+00:00","invitationId":"i"}""";

        Assert.ThrowsAny<JsonException>(() => EventJson.Deserialize(json));
    }

    private static void AssertRecordEqualUnlessItHoldsCollections(CallEvent original, CallEvent read)
    {
        if (!HoldsCollections(original.GetType(), []))
        {
            Assert.Equal(original, read);
        }
    }

    private static bool HoldsCollections(Type type, HashSet<Type> seen)
    {
        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || !seen.Add(type))
        {
            return false;
        }
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p =>
            (typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string))
            || HoldsCollections(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType, seen));
    }
}
