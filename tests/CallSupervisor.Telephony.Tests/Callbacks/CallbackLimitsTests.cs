using System.Text;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Options;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Callbacks;

/// <summary>Bodies no service sends: invalid UTF-8 and oversized ids are malformed (400), never a crash.</summary>
public sealed class CallbackLimitsTests
{
    private const string CallId = "421f3500-f5de-4c12-bf61-9e2641433687";
    private readonly InstantTimeProvider _time = new();

    // A valid ParticipantsUpdated with a lone 0xFF byte inside a string value.
    private static byte[] InvalidUtf8(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var marker = Array.IndexOf(bytes, (byte)'~');
        bytes[marker] = 0xFF;
        return bytes;
    }

    private static string AcsEvent(string id, string callId, string operationContext = "ctx") => $$$"""
        [{"id":"{{{id}}}","type":"Microsoft.Communication.AddParticipantSucceeded","time":"2026-11-21T09:30:15Z",
          "data":{"callConnectionId":"{{{callId}}}","operationContext":"{{{operationContext}}}"}}]
        """;

    [Fact]
    public void AcsParser_InvalidUtf8InAString_Malformed()
    {
        var result = new AcsCallbackParser(_time).Parse(InvalidUtf8(AcsEvent("evt-~", CallId)));

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Equal("The body is not valid UTF-8.", result.Error);
    }

    [Fact]
    public void EventGridParser_InvalidUtf8_Malformed()
    {
        var result = new EventGridParser(_time).Parse(InvalidUtf8("""[{"id":"e~","eventType":"Microsoft.Communication.IncomingCall","data":{}}]"""));

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Equal("The body is not valid UTF-8.", result.Error);
    }

    [Fact]
    public void GraphParser_InvalidUtf8InClientState_MalformedBeforeAuthentication()
    {
        var parser = new GraphNotificationParser(Microsoft.Extensions.Options.Options.Create(new GraphOptions { ClientState = "s", StaticBearerToken = "t" }), _time);

        var result = parser.Parse(InvalidUtf8("""{"value":[{"clientState":"s~","changeType":"updated","resourceUrl":"/communications/calls/c","resourceData":{}}]}"""));

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Equal("The body is not valid UTF-8.", result.Error);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("callConnectionId")]
    [InlineData("operationContext")]
    public void AcsParser_IdLongerThan256_MalformedWithoutEchoingIt(string field)
    {
        var huge = new string('x', 450_000);
        var body = field switch
        {
            "id" => AcsEvent(huge, CallId),
            "callConnectionId" => AcsEvent("evt-1", huge),
            _ => AcsEvent("evt-1", CallId, huge),
        };

        var result = new AcsCallbackParser(_time).Parse(body);

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains($"'{field}' is 450000 characters long; at most 256 are accepted", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error!.Length < 500, "the error must not echo the value");
    }

    [Fact]
    public void AcsParser_IdOf256Characters_Accepted()
    {
        var result = new AcsCallbackParser(_time).Parse(AcsEvent(new string('a', 256), CallId));

        Assert.True(result.IsSuccess, result.Error);
    }

    [Fact]
    public void EventGridParser_IdLongerThan256_Malformed()
    {
        var result = new EventGridParser(_time).Parse($$$"""[{"id":"{{{new string('x', 1000)}}}","eventType":"Microsoft.Communication.IncomingCall","data":{}}]""");

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains("'id' is 1000 characters long", result.Error, StringComparison.Ordinal);
    }
}
