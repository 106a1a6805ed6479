using System.Globalization;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Callbacks;

/// <summary>
/// RecordingStateChanged, as the 2024-09-15 contract defines its data, becomes a <see cref="RecordingChanged"/>
/// (active or inactive) of the call it names by callConnectionId.
/// </summary>
public sealed class RecordingCallbackParserTests
{
    private const string CallConnectionId = "421f3500-f5de-4c12-bf61-9e2641433687";
    private const string RecordingId = "eyJQbGF0Zm9ybUVuZHBvaW50SWQiOiI0MTAwZmYwMC1jNjE2In0";
    private static readonly CallId Call = new(CallConnectionId);
    private static readonly DateTimeOffset Time = new(2026, 11, 21, 9, 30, 15, 123, TimeSpan.Zero);
    private readonly InstantTimeProvider _time = new();

    public static TheoryData<char> ControlCharacters => new() { '\0', '\r', '\n', '\t', '\u0085', '\u007f', '\u001b', '\u2028' };

    [Theory]
    [InlineData("active", RecordingState.Active)]
    [InlineData("inactive", RecordingState.Inactive)]
    public void Parse_RecordingStateChanged_RecordingChangedOfTheCall(string state, RecordingState expected)
    {
        var result = Parse(Event($$$"""
            {"callConnectionId":"{{{CallConnectionId}}}","serverCallId":"server-1","correlationId":"corr-1","recordingId":"{{{RecordingId}}}",
             "state":"{{{state}}}","startDateTime":"2026-11-21T09:30:14Z","recordingKind":"azureCommunicationServices",
             "resultInformation":{"code":200,"subCode":0,"message":"Recording state changed."}}
            """));

        Assert.Equal(new RecordingChanged("evt-1", Call, Time, RecordingId, expected), Assert.Single(result.Events));
    }

    [Fact]
    public void Parse_RecordingStateChangedWithoutTheOptionalFields_Mapped()
    {
        var result = Parse(Event($$$"""{"callConnectionId":"{{{CallConnectionId}}}","recordingId":"{{{RecordingId}}}","state":"inactive"}"""));

        Assert.Equal(new RecordingChanged("evt-1", Call, Time, RecordingId, RecordingState.Inactive), Assert.Single(result.Events));
    }

    [Theory]
    [InlineData(""","state":"paused" """, "data.state is not a recording state (active or inactive)")]
    [InlineData(""","state":"" """, "data.state is not a recording state (active or inactive)")]
    [InlineData("", "data.state is missing")]
    public void Parse_RecordingStateNotOfTheContract_Malformed(string state, string expected)
    {
        var result = Malformed(Event($$$"""{"callConnectionId":"{{{CallConnectionId}}}","recordingId":"{{{RecordingId}}}"{{{state}}}}"""));

        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","recordingId":"" """)]
    public void Parse_RecordingStateChangedWithoutRecordingId_Malformed(string recordingId)
    {
        var result = Malformed(Event($$$"""{"callConnectionId":"{{{CallConnectionId}}}","state":"active"{{{recordingId}}}}"""));

        Assert.Contains("data.recordingId is missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RecordingStateChangedDataNotOfTheContract_Malformed()
    {
        var result = Malformed(Event($$$"""{"callConnectionId":"{{{CallConnectionId}}}","recordingId":7,"state":"active"}"""));

        Assert.Contains("data does not match the contract at $.recordingId", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RecordingStateChangedWithoutCallConnectionId_AcknowledgedAsUnmapped()
    {
        // The shape ACS posts to a recordingStateCallbackUri (which the app does not set): only the serverCallId. Valid
        // by the contract, but the board keys calls by callConnectionId — logged as not applied, not refused (a 400
        // would make ACS send again what can never be applied).
        var result = new AcsCallbackParser(_time).Parse(
            "[" + Event("""{"serverCallId":"server-1","recordingId":"rec-1","state":"active"}""") + "]");

        Assert.True(result.IsSuccess, result.Error);
        Assert.Empty(result.Events);
        var unmapped = Assert.Single(result.Unmapped);
        Assert.Equal("Microsoft.Communication.RecordingStateChanged", unmapped.Type);
        Assert.Contains("no callConnectionId", unmapped.Reason, StringComparison.Ordinal);
        Assert.False(unmapped.Malformed);
    }

    [Fact]
    public void Parse_RecordingStateChangedWithoutCallConnectionIdAndBadState_StillMalformed()
    {
        var result = Malformed(Event("""{"serverCallId":"server-1","recordingId":"rec-1","state":"paused"}"""));

        Assert.Contains("data.state is not a recording state (active or inactive)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public void Parse_ControlCharacterInRecordingId_MalformedNamingTheField(char c)
    {
        var escaped = "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);
        var result = Malformed(Event($$$"""{"callConnectionId":"{{{CallConnectionId}}}","recordingId":"rec{{{escaped}}}1","state":"active"}"""));

        Assert.Contains($"'recordingId' contains a control character (U+{(int)c:X4})", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RecordingIdOverItsLimit_MalformedWithoutEchoingIt()
    {
        var id = new string('r', CallbackLimits.MaxLongIdLength + 1);
        var result = Malformed(Event($$$"""{"callConnectionId":"{{{CallConnectionId}}}","recordingId":"{{{id}}}","state":"active"}"""));

        Assert.Contains("'recordingId' is 1025 characters long", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(id, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RecordingStateChanged_ReadsBackEqualFromTheEventLogFormat()
    {
        // What the parser returns is appended to the event log before it is acknowledged: it must come back whole.
        var result = Parse(
            Event($$$"""{"callConnectionId":"{{{CallConnectionId}}}","recordingId":"{{{RecordingId}}}","state":"active"}""", "evt-1"),
            Event($$$"""{"callConnectionId":"{{{CallConnectionId}}}","recordingId":"{{{RecordingId}}}","state":"inactive"}""", "evt-2"));

        Assert.Equal(2, result.Events.Length);
        Assert.All(result.Events, e => Assert.Equal(e, Core.EventLog.EventJson.Deserialize(Core.EventLog.EventJson.Serialize(e))));
    }

    private CallbackParseResult Parse(params string[] events)
    {
        var result = new AcsCallbackParser(_time).Parse("[" + string.Join(",", events) + "]");
        Assert.True(result.IsSuccess, result.Error);
        Assert.Empty(result.Unmapped);
        return result;
    }

    private CallbackParseResult Malformed(string body)
    {
        var result = new AcsCallbackParser(_time).Parse("[" + body + "]");
        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Empty(result.Events);
        return result;
    }

    private static string Event(string data, string id = "evt-1") => $$$"""
        {"id":"{{{id}}}","source":"calling/callConnections/{{{CallConnectionId}}}","type":"Microsoft.Communication.RecordingStateChanged",
         "data":{{{data}}},"time":"2026-11-21T09:30:15.123+00:00","specversion":"1.0","datacontenttype":"application/json",
         "subject":"calling/callConnections/{{{CallConnectionId}}}"}
        """;
}
