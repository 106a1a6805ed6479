using System.Globalization;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Options;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Callbacks;

/// <summary>
/// An id with a control character in it (NUL, CR, LF, TAB, NEL, DEL, a line separator) is refused at ingest, naming the
/// field: such an id cannot be used in a request path or a log line, so a call under it could never be re-read or closed.
/// </summary>
public sealed class ControlCharacterTests
{
    private const string CallId = "421f3500-f5de-4c12-bf61-9e2641433687";
    private readonly InstantTimeProvider _time = new();

    public static TheoryData<char> ControlCharacters => new() { '\0', '\r', '\n', '\t', '\u0085', '\u007f', '\u001b', '\u2028' };

    // The character as a JSON escape, so the body itself is valid JSON.
    private static string Escaped(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);

    private static string AcsEvent(string type, string data, string id = "evt-1") => $$$"""
        [{"id":"{{{id}}}","type":"Microsoft.Communication.{{{type}}}","time":"2026-11-21T09:30:15Z","data":{{{data}}}}]
        """;

    private static string AcsBody(string field, string bad) => field switch
    {
        "id" => AcsEvent("CallConnected", $$$"""{"callConnectionId":"{{{CallId}}}"}""", "evt" + bad),
        "callConnectionId" => AcsEvent("CallConnected", $$$"""{"callConnectionId":"call{{{bad}}}"}"""),
        "serverCallId" => AcsEvent("CallConnected", $$$"""{"callConnectionId":"{{{CallId}}}","serverCallId":"s{{{bad}}}"}"""),
        "correlationId" => AcsEvent("CallConnected", $$$"""{"callConnectionId":"{{{CallId}}}","correlationId":"c{{{bad}}}"}"""),
        "operationContext" => AcsEvent("AddParticipantSucceeded", $$$"""{"callConnectionId":"{{{CallId}}}","operationContext":"invite{{{bad}}}"}"""),
        "participant.rawId" => AcsEvent("AddParticipantFailed", $$$"""{"callConnectionId":"{{{CallId}}}","operationContext":"o","participant":{"kind":"communicationUser","rawId":"8:acs:a{{{bad}}}","communicationUser":{"id":"8:acs:a{{{bad}}}"} } }"""),
        "participants[].identifier.rawId" => AcsEvent("ParticipantsUpdated", $$$"""{"callConnectionId":"{{{CallId}}}","sequenceNumber":1,"participants":[{"identifier":{"kind":"communicationUser","rawId":"8:acs:a{{{bad}}}","communicationUser":{"id":"8:acs:a{{{bad}}}"} },"isMuted":false}]}"""),
        "invitationId" => AcsEvent("CancelAddParticipantSucceeded", $$$"""{"callConnectionId":"{{{CallId}}}","invitationId":"inv{{{bad}}}"}"""),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public void AcsParser_ControlCharacterInCallConnectionId_MalformedNamingTheField(char c)
    {
        var result = new AcsCallbackParser(_time).Parse(AcsBody("callConnectionId", Escaped(c)));

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains($"'callConnectionId' contains a control character (U+{(int)c:X4})", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Events);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("serverCallId")]
    [InlineData("correlationId")]
    [InlineData("operationContext")]
    [InlineData("participant.rawId")]
    [InlineData("participants[].identifier.rawId")]
    [InlineData("invitationId")]
    public void AcsParser_NulInAnyId_MalformedNamingTheField(string field)
    {
        var result = new AcsCallbackParser(_time).Parse(AcsBody(field, Escaped('\0')));

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains($"'{field}' contains a control character (U+0000)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HoldFailed", "operationContext")]
    [InlineData("RemoveParticipantSucceeded", "operationContext")]
    [InlineData("RemoveParticipantFailed", "operationContext")]
    [InlineData("CallTransferAccepted", "operationContext")]
    [InlineData("CallTransferFailed", "operationContext")]
    [InlineData("RemoveParticipantSucceeded", "participant.rawId")]
    [InlineData("RemoveParticipantFailed", "participant.rawId")]
    [InlineData("CallTransferAccepted", "transferTarget.rawId")]
    [InlineData("CallTransferAccepted", "transferee.rawId")]
    public void AcsParser_NulInAnIdOfAnOperationCallback_MalformedNamingTheField(string type, string field)
    {
        string Context() => field == "operationContext" ? "op" + Escaped('\0') : "op";
        string Identifier(string name) => field == name + ".rawId"
            ? $$$"""{"kind":"communicationUser","rawId":"8:acs:a{{{Escaped('\0')}}}","communicationUser":{"id":"8:acs:a{{{Escaped('\0')}}}"}}"""
            : """{"kind":"communicationUser","rawId":"8:acs:a","communicationUser":{"id":"8:acs:a"}}""";
        var body = AcsEvent(type, $$$"""
            {"callConnectionId":"{{{CallId}}}","operationContext":"{{{Context()}}}","participant":{{{Identifier("participant")}}},
             "transferTarget":{{{Identifier("transferTarget")}}},"transferee":{{{Identifier("transferee")}}},"resultInformation":{"code":400,"message":"m"}}
            """);

        var result = new AcsCallbackParser(_time).Parse(body);

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains($"'{field}' contains a control character (U+0000)", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void AcsParser_PrintableUnicodeInIds_Accepted()
    {
        var result = new AcsCallbackParser(_time).Parse(AcsBody("operationContext", "é-名前 x"));

        Assert.True(result.IsSuccess, result.Error);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("incomingCallContext")]
    [InlineData("from.rawId")]
    [InlineData("to.rawId")]
    [InlineData("serverCallId")]
    [InlineData("correlationId")]
    public void EventGridParser_ControlCharacterInAnId_MalformedNamingTheField(string field)
    {
        string Value(string name, string value) => name == field ? value + "\\n" : value;
        var body = $$$"""
            [{"id":"{{{Value("id", "evt-in")}}}","eventType":"Microsoft.Communication.IncomingCall","eventTime":"2026-11-21T09:30:15Z",
              "data":{"to":{"kind":"communicationUser","rawId":"{{{Value("to.rawId", "8:acs:agent")}}}","communicationUser":{"id":"{{{Value("to.rawId", "8:acs:agent")}}}"}},
                "from":{"kind":"phoneNumber","rawId":"{{{Value("from.rawId", "4:+14255550123")}}}","phoneNumber":{"value":"+14255550123"}},
                "serverCallId":"{{{Value("serverCallId", "server-1")}}}","correlationId":"{{{Value("correlationId", "corr-1")}}}",
                "incomingCallContext":"{{{Value("incomingCallContext", "eyJ.eyJ.")}}}"}}]
            """;

        var result = new EventGridParser(_time).Parse(body);

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains($"'{field}' contains a control character (U+000A)", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.IncomingCalls);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/communications/calls/c%00x")]
    [InlineData("/communications/calls/c\\u0000x")]
    public void GraphParser_NulInTheCallIdOfTheResource_NotificationSkippedAsMalformed(string resource)
    {
        var parser = new GraphNotificationParser(Microsoft.Extensions.Options.Options.Create(new GraphOptions { ClientState = "s", StaticBearerToken = "t" }), _time);

        var result = parser.Parse($$$"""
            {"value":[{"clientState":"s","changeType":"updated","resourceUrl":"{{{resource}}}",
              "resourceData":{"@odata.type":"#microsoft.graph.call","state":"established"}}]}
            """);

        // Graph applies a batch notification by notification: the bad one is skipped (and logged), never applied.
        Assert.True(result.IsSuccess, result.Error);
        Assert.Empty(result.Events);
        var skipped = Assert.Single(result.Unmapped);
        Assert.True(skipped.Malformed);
        Assert.Contains("'callConnectionId' contains a control character (U+0000)", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GraphParser_ControlCharacterInAParticipantId_NotificationSkippedAsMalformed()
    {
        var parser = new GraphNotificationParser(Microsoft.Extensions.Options.Options.Create(new GraphOptions { ClientState = "s", StaticBearerToken = "t" }), _time);

        var result = parser.Parse("""
            {"value":[{"clientState":"s","changeType":"updated","resourceUrl":"/communications/calls/c1/participants",
              "resourceData":[{"info":{"identity":{"user":{"id":"u\r1"}}},"isMuted":false}]}]}
            """);

        Assert.Empty(result.Events);
        Assert.Contains("contains a control character (U+000D)", Assert.Single(result.Unmapped).Reason, StringComparison.Ordinal);
    }
}
