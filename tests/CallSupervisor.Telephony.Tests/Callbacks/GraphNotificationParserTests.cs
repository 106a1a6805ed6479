using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Options;
using CallSupervisor.Telephony.Tests.Fakes;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Telephony.Tests.Callbacks;

public sealed class GraphNotificationParserTests
{
    private const string ClientState = "graph-client-state-secret";
    private const string CallId = "57dab8b1-894c-409a-b240-bd8beae78896";
    private static readonly CallId Call = new(CallId);
    private readonly InstantTimeProvider _time = new();
    private readonly GraphNotificationParser _parser;

    public GraphNotificationParserTests()
    {
        _parser = new GraphNotificationParser(Microsoft.Extensions.Options.Options.Create(new GraphOptions { ClientState = ClientState, StaticBearerToken = "t" }), _time);
    }

    [Fact]
    public void Parse_CallEstablished_ConnectedOnGraphWithCallerAndCallee()
    {
        var result = Parse(Notification("updated", $"/communications/calls/{CallId}", """
            {"@odata.type":"#microsoft.graph.call","state":"established","callChainId":"chain-1",
             "source":{"identity":{"application":{"id":"bot-app-id","displayName":"Bot"}}},
             "targets":[{"identity":{"user":{"id":"aad-user-1","displayName":"Alice"}}}]}
            """));

        var connected = Assert.IsType<CallConnected>(Assert.Single(result.Events));
        Assert.Equal(CallPlatform.Graph, connected.Platform);
        Assert.Equal(Call, connected.CallId);
        Assert.Equal("chain-1", connected.CorrelationId);
        Assert.Equal(CommunicationIdentifier.TeamsApp("bot-app-id"), connected.Caller);
        Assert.Equal(CommunicationIdentifier.TeamsUser("aad-user-1"), connected.Callee);
        Assert.Equal(_time.GetUtcNow(), connected.OccurredAt);
        Assert.StartsWith("graph:", connected.EventId, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CallTerminated_Disconnected()
    {
        var result = Parse(Notification("deleted", $"/app/calls/{CallId}", """
            {"@odata.type":"#microsoft.graph.call","state":"terminated","resultInfo":{"code":200,"subcode":5001,"message":"Call ended"}}
            """));

        var disconnected = Assert.IsType<CallDisconnected>(Assert.Single(result.Events));
        Assert.Equal(new ResultInfo(200, 5001, "Call ended"), disconnected.Result);
    }

    [Fact]
    public void Parse_CallEstablishing_Unmapped()
    {
        var result = Parse(Notification("updated", $"/app/calls/{CallId}", """{"@odata.type":"#microsoft.graph.call","state":"establishing"}"""));

        Assert.Empty(result.Events);
        Assert.Contains("establishing", Assert.Single(result.Unmapped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Participants_RosterWithMonotonicSyntheticSequence()
    {
        var roster = Notification("updated", $"/app/calls/{CallId}/participants", """
            [{"@odata.type":"#microsoft.graph.participant","id":"p1","info":{"identity":{"user":{"id":"aad-user-1"}}},"isMuted":true,"isInLobby":false},
             {"@odata.type":"#microsoft.graph.participant","id":"p2","info":{"identity":{"phone":{"id":"+14255550123"}}},"isMuted":false},
             {"@odata.type":"#microsoft.graph.participant","id":"p3","info":{"identity":{"guest":{"id":"guest-1","displayName":"G"}}}}]
            """);

        var first = Assert.IsType<ParticipantsUpdated>(Assert.Single(Parse(roster).Events));
        var second = Assert.IsType<ParticipantsUpdated>(Assert.Single(Parse(roster).Events));

        Assert.Equal(
            [
                new ParticipantState(CommunicationIdentifier.TeamsUser("aad-user-1"), IsMuted: true, IsOnHold: false),
                new ParticipantState(CommunicationIdentifier.Phone("+14255550123"), IsMuted: false, IsOnHold: false),
                new ParticipantState(new CommunicationIdentifier(IdentifierKind.Unknown, "graph:guest:guest-1", "guest-1"), IsMuted: false, IsOnHold: false) { DisplayName = "G" },
            ],
            first.Participants.AsEnumerable());
        Assert.True(second.SequenceNumber > first.SequenceNumber);
        // Same notification delivered twice: same de-duplication id.
        Assert.Equal(first.EventId, second.EventId);
    }

    [Fact]
    public void Parse_ParticipantsDeleted_Unmapped()
    {
        var result = Parse(Notification("deleted", $"/app/calls/{CallId}/participants", """[{"id":"p1","info":{"identity":{"user":{"id":"u"}}}}]"""));

        Assert.Empty(result.Events);
        Assert.Single(result.Unmapped);
    }

    [Theory]
    [InlineData("#microsoft.graph.playPromptOperation", MediaKind.GraphPlayPrompt)]
    [InlineData("#microsoft.graph.recordOperation", MediaKind.GraphRecordResponse)]
    public void Parse_OperationRunning_Started(string odataType, MediaKind kind)
    {
        var result = Parse(Notification("updated", $"/app/calls/{CallId}/operations/op-1", $$"""{"@odata.type":"{{odataType}}","status":"running","clientContext":"ctx-1"}"""));

        Assert.Equal(new MediaOperationStarted(((MediaOperationStarted)result.Events[0]).EventId, Call, _time.GetUtcNow(), new MediaOperationId("op-1"), kind, "ctx-1"), Assert.Single(result.Events));
    }

    [Fact]
    public void Parse_PlayPromptCompleted_EndedCompleted()
    {
        var result = Parse(Notification("deleted", $"/communications/calls/{CallId}/operations/op-2", """
            {"@odata.type":"#microsoft.graph.playPromptOperation","id":"op-2","status":"completed","completionReason":"completedSuccessfully","resultInfo":{"code":200,"subcode":0,"message":"ok"}}
            """));

        var ended = Assert.IsType<MediaOperationEnded>(Assert.Single(result.Events));
        Assert.Equal((new MediaOperationId("op-2"), MediaKind.GraphPlayPrompt, MediaStatus.Completed), (ended.OperationId, ended.Kind, ended.Outcome));
    }

    [Fact]
    public void Parse_OperationFailedWithSubcode8508_Cancelled()
    {
        var result = Parse(Notification("deleted", $"/app/calls/{CallId}/operations/op-3", """
            {"@odata.type":"#microsoft.graph.recordOperation","status":"failed","resultInfo":{"code":400,"subcode":8508,"message":"Action falied, the operation was cancelled."}}
            """));

        var ended = Assert.IsType<MediaOperationEnded>(Assert.Single(result.Events));
        Assert.Equal(MediaStatus.Cancelled, ended.Outcome);
        Assert.Equal(MediaKind.GraphRecordResponse, ended.Kind);
        Assert.Equal(new ResultInfo(400, 8508, "Action falied, the operation was cancelled."), ended.Result);
    }

    [Theory]
    [InlineData("#microsoft.graph.recordOperation", "operationCanceled")]
    [InlineData("#microsoft.graph.playPromptOperation", "mediaOperationCanceled")]
    public void Parse_OperationFailedWithCanceledCompletionReason_Cancelled(string odataType, string completionReason)
    {
        var result = Parse(Notification("deleted", $"/app/calls/{CallId}/operations/op-4", $$"""
            {"@odata.type":"{{odataType}}","status":"failed","completionReason":"{{completionReason}}"}
            """));

        Assert.Equal(MediaStatus.Cancelled, Assert.IsType<MediaOperationEnded>(Assert.Single(result.Events)).Outcome);
    }

    [Fact]
    public void Parse_OperationFailedOtherwise_Failed()
    {
        var result = Parse(Notification("deleted", $"/app/calls/{CallId}/operations/op-5", """
            {"@odata.type":"#microsoft.graph.playPromptOperation","status":"failed","resultInfo":{"code":500,"subcode":8510,"message":"Media error"}}
            """));

        Assert.Equal(MediaStatus.Failed, Assert.IsType<MediaOperationEnded>(Assert.Single(result.Events)).Outcome);
    }

    [Fact]
    public void Parse_CommsOperation_Unmapped()
    {
        var result = Parse(Notification("deleted", $"/app/calls/{CallId}/operations/op-6", """{"@odata.type":"#microsoft.graph.commsOperation","status":"completed","clientContext":"cancel-1"}"""));

        Assert.Empty(result.Events);
        Assert.Equal("#microsoft.graph.commsOperation", Assert.Single(result.Unmapped).Type);
    }

    [Fact]
    public void NotificationId_DifferentStatusOfSameOperation_Differs()
    {
        var running = Parse(Notification("updated", $"/app/calls/{CallId}/operations/op-7", """{"@odata.type":"#microsoft.graph.playPromptOperation","status":"running"}"""));
        var completed = Parse(Notification("deleted", $"/app/calls/{CallId}/operations/op-7", """{"@odata.type":"#microsoft.graph.playPromptOperation","status":"completed"}"""));

        Assert.NotEqual(running.Events[0].EventId, completed.Events[0].EventId);
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData(null)]
    public void Parse_ClientStateMismatchOrMissing_Unauthenticated(string? clientState)
    {
        var good = Notification("updated", $"/app/calls/{CallId}", """{"state":"established"}""");
        var bad = Notification("updated", $"/app/calls/{CallId}", """{"state":"terminated"}""", clientState);

        var result = _parser.Parse($$"""{"value":[{{good}},{{bad}}]}""");

        Assert.Equal(CallbackParseStatus.Unauthenticated, result.Status);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Parse_GraphDisabled_Unauthenticated()
    {
        var parser = new GraphNotificationParser(Microsoft.Extensions.Options.Options.Create(new GraphOptions { Enabled = false, ClientState = ClientState }), _time);

        Assert.Equal(CallbackParseStatus.Unauthenticated, parser.Parse("""{"value":[]}""").Status);
    }

    [Theory]
    [InlineData("[]", "Expected a commsNotifications object with a 'value' array.")]
    [InlineData("{", "not valid JSON")]
    [InlineData("{\"value\":{}}", "Expected a commsNotifications object with a 'value' array.")]
    public void Parse_MalformedEnvelope_ReportsPreciseError(string body, string expectedFragment)
    {
        var result = _parser.Parse(body);

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains(expectedFragment, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"clientState":"graph-client-state-secret","resourceUrl":"/app/calls/c","resourceData":{}}""", "value[1]: 'changeType' is missing")]
    [InlineData("""{"clientState":"graph-client-state-secret","changeType":"updated","resourceData":{}}""", "value[1]: 'resourceUrl' (or 'resource') is missing.")]
    [InlineData("""{"clientState":"graph-client-state-secret","changeType":"updated","resourceUrl":"/app/calls/c"}""", "value[1]: 'resourceData' is missing")]
    [InlineData("""{"clientState":"graph-client-state-secret","changeType":"updated","resourceUrl":"/app/calls/c/participants","resourceData":[{"info":{}}]}""", "value[1].resourceData[0]: 'info.identity' has no identity with an id.")]
    [InlineData("""{"clientState":"graph-client-state-secret","changeType":"updated","resourceUrl":"/app/calls/c","resourceData":[1,2]}""", "value[1]: expected an object.")]
    public void Parse_OneMalformedNotification_OthersAppliedAndItReportedAsMalformed(string bad, string expectedFragment)
    {
        var good = Notification("updated", $"/communications/calls/{CallId}", """{"state":"established"}""");

        var result = _parser.Parse($$"""{"value":[{{good}},{{bad}}]}""");

        Assert.True(result.IsSuccess, result.Error);
        Assert.IsType<CallConnected>(Assert.Single(result.Events));
        var unmapped = Assert.Single(result.Unmapped);
        Assert.True(unmapped.Malformed);
        Assert.Contains(expectedFragment, unmapped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RosterAsGraphDocumentsIt_ParticipantsUpdated()
    {
        // Graph's documented roster notification (participant joined), verbatim shape: resourceUrl ending in
        // /participants and resourceData an array of participant objects.
        var result = Parse($$$"""
            {"@odata.type":"#microsoft.graph.commsNotification","clientState":"{{{ClientState}}}","changeType":"updated",
             "resourceUrl":"/communications/calls/{{{CallId}}}/participants",
             "resourceData":[{"@odata.type":"#microsoft.graph.participant","id":"2765eb15-01f8-47c6-b12b-c32111a4a86f",
               "info":{"identity":{"user":{"displayName":"Bob","id":"5810cede-f3cc-42eb-b2c1-e9bd5d53ec96"}},"region":"westus","languageId":"en-US"},
               "mediaStreams":[{"mediaType":"audio","label":"main-audio","sourceId":"1","direction":"sendReceive"}],
               "isMuted":true,"isInLobby":false}]}
            """);

        var roster = Assert.IsType<ParticipantsUpdated>(Assert.Single(result.Events));
        Assert.Equal(Call, roster.CallId);
        Assert.Equal([new ParticipantState(CommunicationIdentifier.TeamsUser("5810cede-f3cc-42eb-b2c1-e9bd5d53ec96"), IsMuted: true, IsOnHold: false) { DisplayName = "Bob" }], roster.Participants.AsEnumerable());
    }

    [Fact]
    public void Parse_DeltaParticipants_UnmappedNotMalformed()
    {
        var result = Parse(Notification("updated", $"/communications/calls/{CallId}/participants", """
            {"@odata.type":"#microsoft.graph.deltaParticipants","sequenceNumber":3,"participants":[{"info":{"identity":{"user":{"id":"u"}}}}]}
            """));

        Assert.Empty(result.Events);
        var unmapped = Assert.Single(result.Unmapped);
        Assert.False(unmapped.Malformed);
        Assert.Equal("#microsoft.graph.deltaParticipants", unmapped.Type);
    }

    [Fact]
    public void Parse_ResultInfoCodesAsStrings_ReadAsNumbers()
    {
        var result = Parse(Notification("deleted", $"/communications/calls/{CallId}", """
            {"@odata.type":"#microsoft.graph.call","state":"terminated","resultInfo":{"@odata.type":"#microsoft.graph.resultInfo","code":"200","subcode":"5001","message":"Call ended"}}
            """));

        Assert.Equal(new ResultInfo(200, 5001, "Call ended"), Assert.IsType<CallDisconnected>(Assert.Single(result.Events)).Result);
    }

    [Fact]
    public void Parse_OperationCancelledWithSubcodeAsString_Cancelled()
    {
        var result = Parse(Notification("deleted", $"/communications/calls/{CallId}/operations/op-9", """
            {"@odata.type":"#microsoft.graph.playPromptOperation","status":"failed","resultInfo":{"code":"400","subcode":"8508","message":"cancelled"}}
            """));

        var ended = Assert.IsType<MediaOperationEnded>(Assert.Single(result.Events));
        Assert.Equal(MediaStatus.Cancelled, ended.Outcome);
        Assert.Equal(new ResultInfo(400, 8508, "cancelled"), ended.Result);
    }

    [Fact]
    public void Parse_CallIdLongerThan256_ThatNotificationMalformed()
    {
        var result = Parse(Notification("updated", $"/communications/calls/{new string('c', 300)}", """{"state":"established"}"""));

        Assert.Empty(result.Events);
        Assert.Contains("'callConnectionId' is 300 characters long", Assert.Single(result.Unmapped).Reason, StringComparison.Ordinal);
    }

    private CallbackParseResult Parse(string notification)
    {
        var result = _parser.Parse($$"""{"@odata.type":"#microsoft.graph.commsNotifications","value":[{{notification}}]}""");
        Assert.True(result.IsSuccess, result.Error);
        return result;
    }

    private static string Notification(string changeType, string resource, string resourceData, string? clientState = ClientState)
    {
        var state = clientState is null ? string.Empty : $"\"clientState\":\"{clientState}\",";
        return $$"""
            {"@odata.type":"#microsoft.graph.commsNotification",{{state}}"changeType":"{{changeType}}","resourceUrl":"{{resource}}","resourceData":{{resourceData}}}
            """;
    }
}
