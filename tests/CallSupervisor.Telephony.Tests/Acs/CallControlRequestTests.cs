using System.Net;
using System.Text.Json.Nodes;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Acs;

/// <summary>
/// The call-control requests of the supervisor actions (hold, unhold, transferToParticipant, terminate, remove),
/// each compared with the contract's example where it has one, else with the contract's request schema, and answered
/// with the status the contract lists for it.
/// </summary>
public sealed class CallControlRequestTests
{
    private const string CallPath = "/calling/callConnections/" + TestClients.CallConnectionId;
    private const string HoldMusic = "https://files.contoso.com/hold.wav";
    private static readonly CallId Call = new(TestClients.CallConnectionId);
    private static readonly CommunicationIdentifier Caller = CommunicationIdentifier.Phone("+14255550123");
    private static readonly CommunicationIdentifier Agent = CommunicationIdentifier.AcsUser("8:acs:resource_agent-1");

    [Fact]
    public async Task HoldAsync_WithMusic_SendsHoldRequestWithFileSourceAndNoRepeatability()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK);

        var result = await TestClients.Acs(recorder).HoldAsync(Call, Caller, new Uri(HoldMusic), "hold-1", CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + ":hold");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.JsonBody(sent);
        AcsRequestAssert.NotRepeatable(sent);
        ContractSchema.AssertBody(sent.Uri.AbsolutePath, sent.BodyText);
        JsonAssert.Equal(JsonNode.Parse($$"""
            {
              "targetParticipant": { "kind": "phoneNumber", "rawId": "4:+14255550123", "phoneNumber": { "value": "+14255550123" } },
              "playSourceInfo": { "kind": "file", "file": { "uri": "{{HoldMusic}}" } },
              "operationContext": "hold-1"
            }
            """)!, sent.BodyText);
    }

    [Fact]
    public async Task HoldAsync_WithoutMusic_SendsNoPlaySource()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK);

        var result = await TestClients.Acs(recorder).HoldAsync(Call, Agent, null, "hold-2", CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        ContractSchema.AssertBody(sent.Uri.AbsolutePath, sent.BodyText);
        JsonAssert.Equal(JsonNode.Parse("""
            {
              "targetParticipant": { "kind": "communicationUser", "rawId": "8:acs:resource_agent-1", "communicationUser": { "id": "8:acs:resource_agent-1" } },
              "operationContext": "hold-2"
            }
            """)!, sent.BodyText);
    }

    [Fact]
    public async Task UnholdAsync_Participant_SendsUnholdRequestWithoutRepeatability()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK);

        var result = await TestClients.Acs(recorder).UnholdAsync(Call, Caller, "resume-1", CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + ":unhold");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.JsonBody(sent);
        AcsRequestAssert.NotRepeatable(sent);
        ContractSchema.AssertBody(sent.Uri.AbsolutePath, sent.BodyText);
        JsonAssert.Equal(JsonNode.Parse("""
            {
              "targetParticipant": { "kind": "phoneNumber", "rawId": "4:+14255550123", "phoneNumber": { "value": "+14255550123" } },
              "operationContext": "resume-1"
            }
            """)!, sent.BodyText);
    }

    [Fact]
    public async Task TransferToParticipantAsync_AcsUsers_SendsRepeatableContractRequest()
    {
        var example = ContractExample.Load("CallConnection_TransferToParticipant");
        var recorder = new RecordingHandler().Respond(HttpStatusCode.Accepted, example.ResponseBody(202));
        var expected = example.RequestBody("transferToParticipantRequest");
        var target = ExampleUser(expected["targetParticipant"]!);
        var transferee = ExampleUser(expected["transferee"]!);
        expected.Remove("operationCallbackUri"); // the call's callback URI applies
        expected["targetParticipant"]!["rawId"] = target.RawId;
        expected["transferee"]!["rawId"] = transferee.RawId;

        var result = await TestClients.Acs(recorder).TransferToParticipantAsync(Call, target, transferee, expected["operationContext"]!.GetValue<string>(), null, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + ":transferToParticipant");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.JsonBody(sent);
        AcsRequestAssert.Repeatable(sent);
        JsonAssert.Equal(expected, sent.BodyText);
    }

    [Fact]
    public async Task TransferToParticipantAsync_PhoneNumberTarget_SendsTheResourceNumberAsCallerId()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.Accepted, """{"operationContext":"transfer-1"}""");
        var client = TestClients.Acs(recorder, configure: o => o.SourceCallerIdNumber = "+18440123456");

        var result = await client.TransferToParticipantAsync(Call, CommunicationIdentifier.Phone("+14250123456"), Agent, "transfer-1", null, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        ContractSchema.AssertBody(sent.Uri.AbsolutePath, sent.BodyText);
        JsonAssert.Equal(JsonNode.Parse("""
            {
              "targetParticipant": { "kind": "phoneNumber", "rawId": "4:+14250123456", "phoneNumber": { "value": "+14250123456" } },
              "transferee": { "kind": "communicationUser", "rawId": "8:acs:resource_agent-1", "communicationUser": { "id": "8:acs:resource_agent-1" } },
              "sourceCallerIdNumber": { "value": "+18440123456" },
              "operationContext": "transfer-1"
            }
            """)!, sent.BodyText);
    }

    [Fact]
    public async Task TerminateAsync_Call_PostsWithoutBodyRepeatable()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.NoContent);

        var result = await TestClients.Acs(recorder).TerminateAsync(Call, null, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + ":terminate");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.Repeatable(sent);
        Assert.Empty(sent.Body);
    }

    public static TheoryData<string> RepeatableOperations => ["remove", "transfer", "terminate"];

    public static TheoryData<string> Operations => ["remove", "hold", "unhold", "transfer", "terminate"];

    [Theory]
    [MemberData(nameof(RepeatableOperations))]
    public async Task RepeatableOperation_GivenRepeatability_SentAsGiven(string operation)
    {
        // What the event log keeps for a request sent again after a restart: not replaced by fresh headers.
        var given = new Repeatability(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), new DateTimeOffset(2026, 11, 21, 9, 58, 7, TimeSpan.Zero));
        var recorder = new RecordingHandler().Respond(Status(operation));

        var result = await Send(TestClients.Acs(recorder), operation, given);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", sent.Header("Repeatability-Request-ID"));
        Assert.Equal("Sat, 21 Nov 2026 09:58:07 GMT", sent.Header("Repeatability-First-Sent"));
    }

    [Theory]
    [MemberData(nameof(RepeatableOperations))]
    public async Task RepeatableOperation_503ThenSuccess_RetryReusesThePairAndBody(string operation)
    {
        var recorder = new RecordingHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"ServiceUnavailable","message":"busy"}}""")
            .Respond(Status(operation));

        var result = await Send(TestClients.Acs(recorder), operation, null);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, recorder.Requests.Count);
        var (first, second) = (recorder.Requests[0], recorder.Requests[1]);
        AcsRequestAssert.Repeatable(first);
        Assert.Equal(first.Header("Repeatability-Request-ID"), second.Header("Repeatability-Request-ID"));
        Assert.Equal(first.Header("Repeatability-First-Sent"), second.Header("Repeatability-First-Sent"));
        Assert.Equal(first.BodyText, second.BodyText);
        AcsRequestAssert.Signed(second);
    }

    [Theory]
    [InlineData("hold")]
    [InlineData("unhold")]
    public async Task HoldOrUnhold_503ThenSuccess_RetriedWithoutRepeatability(string operation)
    {
        var recorder = new RecordingHandler()
            .Respond(HttpStatusCode.ServiceUnavailable)
            .Respond(HttpStatusCode.OK);

        var result = await Send(TestClients.Acs(recorder), operation, null);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, recorder.Requests.Count);
        Assert.All(recorder.Requests, AcsRequestAssert.NotRepeatable);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_ErrorResponse_ReturnsTheServiceCodeAndMessage(string operation)
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.BadRequest, """{"error":{"code":"8523","message":"Participant is not in the call."}}""");

        var result = await Send(TestClients.Acs(recorder), operation, null);

        Assert.Equal(new TelephonyError(400, "8523", "Participant is not in the call."), result.Error);
        Assert.Single(recorder.Requests); // a 400 is not retried
    }

    // The status the contract lists for each operation.
    private static HttpStatusCode Status(string operation) => operation switch
    {
        "remove" or "transfer" => HttpStatusCode.Accepted,
        "terminate" => HttpStatusCode.NoContent,
        _ => HttpStatusCode.OK,
    };

    private static Task<TelephonyResult<Unit>> Send(AcsCallAutomationClient client, string operation, Repeatability? repeatability) => operation switch
    {
        "remove" => client.RemoveParticipantAsync(Call, Agent, "remove-1", repeatability, CancellationToken.None),
        "hold" => client.HoldAsync(Call, Caller, new Uri(HoldMusic), "hold-1", CancellationToken.None),
        "unhold" => client.UnholdAsync(Call, Caller, "resume-1", CancellationToken.None),
        "transfer" => client.TransferToParticipantAsync(Call, CommunicationIdentifier.AcsUser("8:acs:resource_agent-2"), Agent, "transfer-1", repeatability, CancellationToken.None),
        "terminate" => client.TerminateAsync(Call, repeatability, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static CommunicationIdentifier ExampleUser(JsonNode model) =>
        CommunicationIdentifier.AcsUser(model["communicationUser"]!["id"]!.GetValue<string>());
}
