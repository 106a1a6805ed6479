using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Callbacks;

public sealed class EventGridParserTests
{
    private const string IncomingCallData = """
        {"to":{"kind":"communicationUser","rawId":"8:acs:resource_agent","communicationUser":{"id":"8:acs:resource_agent"}},
         "from":{"kind":"phoneNumber","rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},
         "serverCallId":"server-1","callerDisplayName":"Contoso Caller","incomingCallContext":"eyJhbGciOiJub25lIn0.eyJjYyI6IkgifQ.",
         "correlationId":"corr-1"}
        """;

    private readonly EventGridParser _parser = new(new InstantTimeProvider());

    [Fact]
    public void Parse_SubscriptionValidation_ReturnsValidationCode()
    {
        var result = _parser.Parse("""
            [{"id":"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66","topic":"/subscriptions/xxx","subject":"",
              "data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/sub/validate?id=1"},
              "eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-21T09:00:00.0000000Z","metadataVersion":"1","dataVersion":"1"}]
            """);

        Assert.True(result.IsSuccess);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", result.ValidationCode);
        Assert.Empty(result.IncomingCalls);
    }

    [Fact]
    public void Parse_IncomingCall_MapsCallerCalleeAndContext()
    {
        var result = _parser.Parse($$$"""
            [{"id":"evt-in-1","topic":"/subscriptions/s/resourceGroups/r/providers/Microsoft.Communication/communicationServices/contoso",
              "subject":"/caller/4:+14255550123/recipient/8:acs:resource_agent","data":{{{IncomingCallData}}},
              "eventType":"Microsoft.Communication.IncomingCall","dataVersion":"1.0","metadataVersion":"1","eventTime":"2026-11-21T09:30:15.123Z"}]
            """);

        Assert.Null(result.ValidationCode);
        Assert.Equal(
            new IncomingCall(
                "evt-in-1", new DateTimeOffset(2026, 11, 21, 9, 30, 15, 123, TimeSpan.Zero), "eyJhbGciOiJub25lIn0.eyJjYyI6IkgifQ.",
                CommunicationIdentifier.Phone("+14255550123"), CommunicationIdentifier.AcsUser("8:acs:resource_agent"),
                "server-1", "corr-1", "Contoso Caller"),
            Assert.Single(result.IncomingCalls));
    }

    [Fact]
    public void Parse_IncomingCallInCloudEventsSchema_Maps()
    {
        var result = _parser.Parse($$$"""
            [{"id":"evt-ce-1","source":"/subscriptions/s","type":"Microsoft.Communication.IncomingCall","specversion":"1.0",
              "time":"2026-11-21T09:30:15Z","data":{{{IncomingCallData}}}}]
            """);

        Assert.Equal("evt-ce-1", Assert.Single(result.IncomingCalls).EventId);
    }

    [Fact]
    public void Parse_SingleCloudEventObject_IsABatchOfOne()
    {
        // A CloudEvents-schema subscription may deliver in structured mode: one event object, not an array.
        var result = _parser.Parse($$$"""
            {"id":"evt-ce-2","source":"/subscriptions/s","type":"Microsoft.Communication.IncomingCall","specversion":"1.0",
              "time":"2026-11-21T09:30:15Z","data":{{{IncomingCallData}}}}
            """);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("evt-ce-2", Assert.Single(result.IncomingCalls).EventId);
    }

    [Fact]
    public void Parse_OtherEventType_Unmapped()
    {
        var result = _parser.Parse("""[{"id":"e1","eventType":"Microsoft.Communication.SMSReceived","data":{},"eventTime":"2026-11-21T09:30:15Z"}]""");

        Assert.True(result.IsSuccess);
        Assert.Equal("Microsoft.Communication.SMSReceived", Assert.Single(result.Unmapped).Type);
    }

    [Theory]
    [InlineData("{}", "event[0]: 'id' is missing")]
    [InlineData("42", "Expected a JSON array of Event Grid events or an event object, got a number.")]
    [InlineData("nope", "not valid JSON")]
    [InlineData("""[{"eventType":"Microsoft.Communication.IncomingCall","data":{}}]""", "'id' is missing")]
    [InlineData("""[{"id":"e1","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{}}]""", "data.validationCode is missing")]
    [InlineData("""[{"id":"e1","eventType":"Microsoft.Communication.IncomingCall","data":{"to":{"rawId":"8:acs:a"},"from":{"rawId":"4:+1"}}}]""", "data.incomingCallContext is missing")]
    [InlineData("""[{"id":"e1","eventType":"Microsoft.Communication.IncomingCall","data":{"incomingCallContext":"c","to":{"rawId":"8:acs:a"}}}]""", "data.from: identifier is missing")]
    public void Parse_Malformed_ReportsPreciseError(string body, string expectedFragment)
    {
        var result = _parser.Parse(body);

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains(expectedFragment, result.Error, StringComparison.Ordinal);
    }
}
