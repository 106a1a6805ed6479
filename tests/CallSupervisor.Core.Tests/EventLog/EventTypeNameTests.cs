using System.Text.Json;
using CallSupervisor.Core.EventLog;

namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>
/// The names events are logged under are a contract with every event log already written: pinned here by type
/// (a C# rename carries the <c>typeof</c> along and leaves the name), and a new event type must get a name.
/// </summary>
public sealed class EventTypeNameTests
{
    private static readonly Dictionary<Type, string> Pinned = new()
    {
        [typeof(CallConnected)] = "callConnected",
        [typeof(CallDisconnected)] = "callDisconnected",
        [typeof(ParticipantsUpdated)] = "participantsUpdated",
        [typeof(InvitationRequested)] = "invitationRequested",
        [typeof(AddParticipantSucceeded)] = "addParticipantSucceeded",
        [typeof(AddParticipantFailed)] = "addParticipantFailed",
        [typeof(CancelAddParticipantSucceeded)] = "cancelAddParticipantSucceeded",
        [typeof(CancelAddParticipantFailed)] = "cancelAddParticipantFailed",
        [typeof(MediaOperationStarted)] = "mediaOperationStarted",
        [typeof(MediaOperationEnded)] = "mediaOperationEnded",
        [typeof(CallReconciled)] = "callReconciled",
        [typeof(InvitationExpired)] = "invitationExpired",
        [typeof(MediaExpired)] = "mediaExpired",
        [typeof(CallAnswered)] = "callAnswered",
        [typeof(ActionRequested)] = "actionRequested",
        [typeof(ActionFailed)] = "actionFailed",
        [typeof(ActionExpired)] = "actionExpired",
        [typeof(IncomingCallClaimed)] = "incomingCallClaimed",
        [typeof(CallQueued)] = "callQueued",
        [typeof(OfferPlanned)] = "offerPlanned",
        [typeof(OfferFailed)] = "offerFailed",
        [typeof(AgentStateChanged)] = "agentStateChanged",
        [typeof(OperationReported)] = "operationReported",
        [typeof(RecordingChanged)] = "recordingChanged",
        [typeof(TargetsChanged)] = "targetsChanged",
        [typeof(AlertAcknowledged)] = "alertAcknowledged",
    };

    [Fact]
    public void TypeNames_AreThePinnedOnes()
    {
        foreach (var (type, name) in Pinned)
        {
            Assert.True(EventJson.TypeNames.TryGetValue(type, out var declared), $"{type.Name} lost its event log name");
            Assert.Equal(name, declared);
        }
        Assert.Empty(EventJson.TypeNames.Keys.Except(Pinned.Keys).Select(t => $"{t.Name} has a name that is not pinned here"));
    }

    [Fact]
    public void EveryConcreteEvent_HasAnEventLogName()
    {
        var unnamed = EventJsonTests.ConcreteEventTypes().Where(t => !EventJson.TypeNames.ContainsKey(t)).Select(t => t.Name);

        Assert.Empty(unnamed);
    }

    [Fact]
    public void TypeNames_AreUnique()
    {
        Assert.Equal(EventJson.TypeNames.Count, EventJson.TypeNames.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(EventJsonTests.EventTypes), MemberType = typeof(EventJsonTests))]
    public void Serialize_StartsWithTheTypeName(string type)
    {
        var callEvent = (CallEvent)SampleValues.Full(EventJsonTests.ConcreteEventTypes().Single(t => t.Name == type));

        var json = EventJson.Serialize(callEvent);

        Assert.StartsWith($"{{\"type\":\"{EventJson.TypeNameOf(callEvent)}\",", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"callTransferred","eventId":"e","callId":"c","occurredAt":"2026-01-01T09:00:00+00:00"}""")]
    [InlineData("""{"eventId":"e","type":"CallConnected","callId":"c","occurredAt":"2026-01-01T09:00:00+00:00"}""")]
    public void Deserialize_UnknownTypeName_ThrowsNamingIt(string json)
    {
        var thrown = Assert.Throws<UnknownEventTypeException>(() => EventJson.Deserialize(json));

        var name = JsonDocument.Parse(json).RootElement.GetProperty("type").GetString();
        Assert.Equal(name, thrown.TypeName);
        Assert.Contains(name!, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeNameOf_IsTheNameInTheJson()
    {
        var expired = new MediaExpired("e", new("c"), DateTimeOffset.UnixEpoch, new("p"));

        Assert.Equal("mediaExpired", EventJson.TypeNameOf(expired));
    }
}
