using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Tests.Fakes;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Telephony.Tests.Callbacks;

public sealed class AcsCallbackParserTests
{
    private const string CallConnectionId = "421f3500-f5de-4c12-bf61-9e2641433687";
    private static readonly CallId Call = new(CallConnectionId);
    private static readonly DateTimeOffset Time = new(2026, 11, 21, 9, 30, 15, 123, TimeSpan.Zero);
    private static readonly CommunicationIdentifier Alice = CommunicationIdentifier.AcsUser("8:acs:resource_alice");
    private readonly InstantTimeProvider _time = new();

    [Fact]
    public void Parse_CallConnected_MapsIdsTimeAndPlatform()
    {
        // As ACS sends it, including fields outside the contract (version, publicEventType) that must be ignored.
        var result = Parse(Event("CallConnected", $$$"""
            {"version":"2024-09-15","operationContext":"answer","resultInformation":{"code":200,"subCode":0,"message":"ok"},
             "callConnectionId":"{{{CallConnectionId}}}","serverCallId":"server-1","correlationId":"corr-1","publicEventType":"Microsoft.Communication.CallConnected"}
            """));

        var connected = Assert.IsType<CallConnected>(Assert.Single(result.Events));
        Assert.Equal(new CallConnected("evt-1", Call, Time, CallPlatform.Acs, "server-1", "corr-1", null, null), connected);
        Assert.Empty(result.Unmapped);
    }

    [Fact]
    public void Parse_CallDisconnected_MapsResultInformation()
    {
        var result = Parse(Event("CallDisconnected", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","resultInformation":{"code":200,"subCode":7000,"message":"The conversation has ended."}}"""));

        Assert.Equal(new CallDisconnected("evt-1", Call, Time, new ResultInfo(200, 7000, "The conversation has ended.")), Assert.Single(result.Events));
    }

    [Fact]
    public void Parse_ParticipantsUpdated_MapsSequenceAndRoster()
    {
        var result = Parse(Event("ParticipantsUpdated", $$$"""
            {"callConnectionId":"{{{CallConnectionId}}}","sequenceNumber":7,"participants":[
              {"identifier":{"kind":"communicationUser","rawId":"8:acs:resource_alice","communicationUser":{"id":"8:acs:resource_alice"}},"isMuted":true,"isOnHold":false},
              {"identifier":{"rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},"isMuted":false,"isOnHold":true},
              {"identifier":{"kind":"microsoftTeamsUser","rawId":"8:orgid:aad-1","microsoftTeamsUser":{"userId":"aad-1","cloud":"public"} } }]}
            """));

        var roster = Assert.IsType<ParticipantsUpdated>(Assert.Single(result.Events));
        Assert.Equal(7, roster.SequenceNumber);
        Assert.Equal(
            [
                new ParticipantState(Alice, IsMuted: true, IsOnHold: false),
                new ParticipantState(CommunicationIdentifier.Phone("+14255550123"), IsMuted: false, IsOnHold: true),
                new ParticipantState(CommunicationIdentifier.TeamsUser("aad-1"), IsMuted: false, IsOnHold: false),
            ],
            roster.Participants.AsEnumerable());
    }

    [Fact]
    public void Parse_ParticipantsUpdatedWithoutSequenceNumber_MappedWithoutOne()
    {
        // Older API versions send no sequenceNumber: the roster is ordered by its time instead (see RosterRules).
        var result = Parse(Event("ParticipantsUpdated", $$$"""
            {"callConnectionId":"{{{CallConnectionId}}}","participants":[
              {"identifier":{"kind":"communicationUser","rawId":"8:acs:resource_alice","communicationUser":{"id":"8:acs:resource_alice"}},"isMuted":true}]}
            """));

        var roster = Assert.IsType<ParticipantsUpdated>(Assert.Single(result.Events));
        Assert.Null(roster.SequenceNumber);
        Assert.Equal(Time, roster.OccurredAt);
        Assert.Equal(Alice, Assert.Single(roster.Participants).Identifier);
    }

    [Fact]
    public void Parse_SingleCloudEventObject_IsABatchOfOne()
    {
        // The CloudEvents HTTP binding's structured mode (application/cloudevents+json): one event, not an array.
        var result = new AcsCallbackParser(_time).Parse(Event("CallConnected", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","serverCallId":"server-1"}"""));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(new CallConnected("evt-1", Call, Time, CallPlatform.Acs, "server-1", null, null, null), Assert.Single(result.Events));
    }

    [Fact]
    public void Parse_AddParticipantSucceededAndFailed_CorrelateByOperationContext()
    {
        var result = Parse(
            Event("AddParticipantSucceeded", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","operationContext":"invite-1","participant":{"rawId":"8:acs:resource_alice","kind":"communicationUser","communicationUser":{"id":"8:acs:resource_alice"} } }""", "evt-1"),
            Event("AddParticipantFailed", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","operationContext":"invite-2","resultInformation":{"code":408,"subCode":10004,"message":"Timed out"}}""", "evt-2"));

        Assert.Equal(
            [
                new AddParticipantSucceeded("evt-1", Call, Time, "invite-1", Alice),
                new AddParticipantFailed("evt-2", Call, Time, "invite-2", null, new ResultInfo(408, 10004, "Timed out")),
            ],
            result.Events.AsEnumerable());
    }

    [Fact]
    public void Parse_CancelAddParticipantSucceededAndFailed_CarryInvitationId()
    {
        var result = Parse(
            Event("CancelAddParticipantSucceeded", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","operationContext":"cancel-1","invitationId":"inv-1"}""", "evt-1"),
            Event("CancelAddParticipantFailed", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","invitationId":"inv-2","resultInformation":{"code":400,"subCode":8536,"message":"Already accepted"}}""", "evt-2"));

        Assert.Equal(
            [
                new CancelAddParticipantSucceeded("evt-1", Call, Time, new InvitationId("inv-1"), "cancel-1"),
                new CancelAddParticipantFailed("evt-2", Call, Time, new InvitationId("inv-2"), null, new ResultInfo(400, 8536, "Already accepted")),
            ],
            result.Events.AsEnumerable());
    }

    [Fact]
    public void Parse_PlayStarted_StartsPlayIdentifiedByOperationContext()
    {
        var result = Parse(Event("PlayStarted", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","operationContext":"op-play-1"}"""));

        Assert.Equal(new MediaOperationStarted("evt-1", Call, Time, new MediaOperationId("op-play-1"), MediaKind.Play, null), Assert.Single(result.Events));
    }

    [Theory]
    [InlineData("PlayCompleted", MediaKind.Play, MediaStatus.Completed)]
    [InlineData("PlayFailed", MediaKind.Play, MediaStatus.Failed)]
    [InlineData("PlayCanceled", MediaKind.Play, MediaStatus.Cancelled)]
    [InlineData("RecognizeCompleted", MediaKind.Recognize, MediaStatus.Completed)]
    [InlineData("RecognizeFailed", MediaKind.Recognize, MediaStatus.Failed)]
    [InlineData("RecognizeCanceled", MediaKind.Recognize, MediaStatus.Cancelled)]
    [InlineData("ContinuousDtmfRecognitionStopped", MediaKind.ContinuousDtmf, MediaStatus.Completed)]
    public void Parse_MediaEnd_MapsKindAndOutcome(string type, MediaKind kind, MediaStatus outcome)
    {
        var result = Parse(Event(type, $$$"""{"callConnectionId":"{{{CallConnectionId}}}","operationContext":"op-1","resultInformation":{"code":200,"subCode":0,"message":"done"},"recognitionType":"dtmf","dtmfResult":{"tones":["one"]}}"""));

        var tones = kind == MediaKind.Recognize && outcome == MediaStatus.Completed ? "1" : null;
        Assert.Equal(new MediaOperationEnded("evt-1", Call, Time, new MediaOperationId("op-1"), kind, outcome, new ResultInfo(200, 0, "done")) { Tones = tones }, Assert.Single(result.Events));
    }

    [Fact]
    public void Parse_MediaEventWithoutOperationContext_KeptWithSyntheticId()
    {
        var result = Parse(Event("PlayCompleted", $$$"""{"callConnectionId":"{{{CallConnectionId}}}"}""", "evt-9"));

        var ended = Assert.IsType<MediaOperationEnded>(Assert.Single(result.Events));
        Assert.Equal(new MediaOperationId("uncorrelated:evt-9"), ended.OperationId);
    }

    [Fact]
    public void Parse_UnknownAndUntrackedTypes_AcceptedAsUnmapped()
    {
        var result = Parse(
            Event("CallConnected", $$$"""{"callConnectionId":"{{{CallConnectionId}}}"}""", "evt-1"),
            Event("TranscriptionStarted", """{"transcriptionUpdate":{"transcriptionStatus":"transcriptionStarted"}}""", "evt-2"),
            """{"id":"evt-3","source":"x","type":"Contoso.Other","specversion":"1.0"}""");

        Assert.True(result.IsSuccess);
        Assert.Single(result.Events);
        Assert.Equal(["Microsoft.Communication.TranscriptionStarted", "Contoso.Other"], result.Unmapped.Select(u => u.Type));
        Assert.Equal(["evt-2", "evt-3"], result.Unmapped.Select(u => u.Id));
    }

    [Fact]
    public void Parse_NoTime_UsesReceiptTime()
    {
        var result = Parse($$$"""{"id":"evt-1","type":"Microsoft.Communication.CallConnected","data":{"callConnectionId":"{{{CallConnectionId}}}"}}""");

        Assert.Equal(_time.GetUtcNow(), Assert.Single(result.Events).OccurredAt);
    }

    [Fact]
    public void Parse_EmptyArray_SucceedsWithNothing()
    {
        var result = new AcsCallbackParser(_time).Parse("[]");

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Events);
    }

    [Theory]
    [InlineData("", "The body is empty.")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"id":"evt-1"}""", "event[0]: 'type' is missing")]
    [InlineData("\"text\"", "Expected a JSON array of CloudEvents or a CloudEvent object, got a string.")]
    [InlineData("[42]", "event[0]: expected a CloudEvent object, got a number.")]
    [InlineData("""[{"type":"Microsoft.Communication.CallConnected","data":{}}]""", "event[0]: 'id' is missing")]
    [InlineData("""[{"id":"e","data":{}}]""", "event[0]: 'type' is missing")]
    [InlineData("""[{"id":"e","type":"Microsoft.Communication.CallConnected"}]""", "event[0] (Microsoft.Communication.CallConnected, id e): 'data' is missing")]
    [InlineData("""[{"id":"e","type":"Microsoft.Communication.CallConnected","data":{"serverCallId":"s"}}]""", "data.callConnectionId is missing")]
    [InlineData("""[{"id":"e","type":"Microsoft.Communication.CallConnected","time":"yesterday","data":{"callConnectionId":"c"}}]""", "'time' is not an ISO 8601 timestamp")]
    [InlineData("""[{"id":"e","type":"Microsoft.Communication.ParticipantsUpdated","data":{"callConnectionId":"c","sequenceNumber":1}}]""", "data.participants is missing")]
    [InlineData("""[{"id":"e","type":"Microsoft.Communication.ParticipantsUpdated","data":{"callConnectionId":"c","sequenceNumber":1,"participants":[{"isMuted":true}]}}]""", "data.participants[0].identifier: identifier is missing")]
    [InlineData("""[{"id":"e","type":"Microsoft.Communication.ParticipantsUpdated","data":{"callConnectionId":"c","sequenceNumber":"x","participants":[]}}]""", "data does not match the contract at $.sequenceNumber")]
    [InlineData("""[{"id":"e","type":"Microsoft.Communication.CancelAddParticipantSucceeded","data":{"callConnectionId":"c"}}]""", "data.invitationId is missing")]
    [InlineData("""[{"id":"e","type":"Microsoft.Communication.AddParticipantSucceeded","data":{"callConnectionId":"c","operationContext":"o","participant":{"kind":"communicationUser"}}}]""", "data.participant: identifier has neither a rawId nor a kind-specific value")]
    [InlineData("""[{"id":"e","type":"Microsoft.Communication.AddParticipantFailed","data":{"callConnectionId":"c","operationContext":"o","participant":{}}}]""", "data.participant: identifier has neither a rawId nor a kind-specific value")]
    public void Parse_MalformedBody_ReportsPreciseError(string body, string expectedFragment)
    {
        var result = new AcsCallbackParser(_time).Parse(body);

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains(expectedFragment, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Parse_OneBadEventInBatch_RejectsWholeBatch()
    {
        var body = "[" + Event("CallConnected", $$$"""{"callConnectionId":"{{{CallConnectionId}}}"}""", "evt-1") + "," + Event("CallDisconnected", "{}", "evt-2") + "]";

        var result = new AcsCallbackParser(_time).Parse(body);

        Assert.False(result.IsSuccess);
        Assert.StartsWith("event[1] (Microsoft.Communication.CallDisconnected, id evt-2)", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Events);
    }

    private CallbackParseResult Parse(params string[] events)
    {
        var result = new AcsCallbackParser(_time).Parse("[" + string.Join(",", events) + "]");
        Assert.True(result.IsSuccess, result.Error);
        return result;
    }

    private static string Event(string type, string data, string id = "evt-1") => $$$"""
        {"id":"{{{id}}}","source":"calling/callConnections/{{{CallConnectionId}}}","type":"Microsoft.Communication.{{{type}}}",
         "data":{{{data}}},"time":"2026-11-21T09:30:15.123+00:00","specversion":"1.0","datacontenttype":"application/json",
         "subject":"calling/callConnections/{{{CallConnectionId}}}"}
        """;
}
