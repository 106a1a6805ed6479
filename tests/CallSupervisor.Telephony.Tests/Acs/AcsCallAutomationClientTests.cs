using System.Net;
using System.Text.Json.Nodes;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Telephony.Tests.Fakes;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Telephony.Tests.Acs;

/// <summary>Each request compared with the contract example of its operation (adjustments are spelled out).</summary>
public sealed class AcsCallAutomationClientTests
{
    private const string CallPath = "/calling/callConnections/" + TestClients.CallConnectionId;
    private static readonly CallId Call = new(TestClients.CallConnectionId);

    [Fact]
    public async Task MuteAsync_AcsUser_SendsContractRequest()
    {
        var example = ContractExample.Load("CallConnection_Mute");
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, example.ResponseBody(200));
        var expected = example.RequestBody("muteParticipantsRequest");
        var user = ExampleUser(expected["targetParticipants"]![0]!);
        // We also send rawId (optional in requests, as the ACS SDKs do).
        expected["targetParticipants"]![0]!["rawId"] = user.RawId;

        var result = await TestClients.Acs(recorder).MuteAsync(Call, user, "mute participant", CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + "/participants:mute");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.JsonBody(sent);
        AcsRequestAssert.Repeatable(sent);
        JsonAssert.Equal(expected, sent.BodyText);
    }

    [Fact]
    public async Task CancelAddParticipantAsync_Invitation_SendsContractRequest()
    {
        var example = ContractExample.Load("CallConnection_CancelAddParticipant");
        var recorder = new RecordingHandler().Respond(HttpStatusCode.Accepted, example.ResponseBody(202));
        var expected = example.RequestBody("cancelAddParticipantRequest");
        expected.Remove("operationCallbackUri"); // per-operation callback override: not used, the call's callback URI applies

        var result = await TestClients.Acs(recorder).CancelAddParticipantAsync(Call, new InvitationId("7b4244f8-d2ff-46d1-a629-4f9fb5f73d40"), "cancelling add participant", CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + "/participants:cancelAddParticipant");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.Repeatable(sent);
        JsonAssert.Equal(expected, sent.BodyText);
    }

    [Fact]
    public async Task AddParticipantAsync_AcsUser_SendsContractRequestAndReturnsInvitationId()
    {
        var example = ContractExample.Load("CallConnection_AddParticipant");
        var recorder = new RecordingHandler().Respond(HttpStatusCode.Accepted, example.ResponseBody(202));
        var expected = example.RequestBody("addParticipantRequest");
        var user = ExampleUser(expected["participantToAdd"]!);
        expected.Remove("operationCallbackUri");
        expected.Remove("sourceCallerIdNumber"); // only sent for phone numbers (see the PSTN test)
        expected["participantToAdd"]!["rawId"] = user.RawId;
        expected["invitationTimeoutInSeconds"] = 30;

        var result = await TestClients.Acs(recorder).AddParticipantAsync(Call, user, "adding participant", TimeSpan.FromSeconds(30), null, CancellationToken.None);

        Assert.Equal(new InvitationId("7b4244f8-d2ff-46d1-a629-4f9fb5f73d40"), result.Value);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + "/participants:add");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.Repeatable(sent);
        JsonAssert.Equal(expected, sent.BodyText);
    }

    [Fact]
    public async Task AddParticipantAsync_PhoneNumber_SendsSourceCallerIdNumber()
    {
        var example = ContractExample.Load("CallConnection_AddParticipant");
        var recorder = new RecordingHandler().Respond(HttpStatusCode.Accepted, example.ResponseBody(202));
        var client = TestClients.Acs(recorder, configure: o => o.SourceCallerIdNumber = "+18440123456");

        var result = await client.AddParticipantAsync(Call, CommunicationIdentifier.Phone("+14250123456"), "dial out", TimeSpan.Zero, null, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var expected = JsonNode.Parse("""
            {
              "sourceCallerIdNumber": { "value": "+18440123456" },
              "participantToAdd": { "kind": "phoneNumber", "rawId": "4:+14250123456", "phoneNumber": { "value": "+14250123456" } },
              "invitationTimeoutInSeconds": 60,
              "operationContext": "dial out"
            }
            """)!;
        JsonAssert.Equal(expected, Assert.Single(recorder.Requests).BodyText);
    }

    [Fact]
    public async Task AddParticipantAsync_PhoneNumberWithoutCallerId_FailsWithoutRequest()
    {
        var recorder = new RecordingHandler();

        var result = await TestClients.Acs(recorder).AddParticipantAsync(Call, CommunicationIdentifier.Phone("+14250123456"), "dial out", TimeSpan.Zero, null, CancellationToken.None);

        Assert.Equal("SourceCallerIdNumberMissing", result.Error?.Code);
        Assert.Contains("Acs:SourceCallerIdNumber", result.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task AnswerAsync_IncomingCall_SendsContractRequestAndReturnsCallConnectionId()
    {
        var example = ContractExample.Load("AnswerCall");
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, example.ResponseBody(200));
        var expected = example.RequestBody("answerCallRequest");
        expected["operationContext"] = "answer";

        var result = await TestClients.Acs(recorder).AnswerAsync(expected["incomingCallContext"]!.GetValue<string>(), new Uri("https://app.contoso.com/callback"), "answer", CancellationToken.None);

        Assert.Equal(new CallId("18dea47f-b081-4107-9a5c-4300819d2c6c"), result.Value);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, "/calling/callConnections:answer");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.Repeatable(sent);
        JsonAssert.Equal(expected, sent.BodyText);
    }

    [Fact]
    public async Task PlayAsync_File_SendsFileSourceWithoutPlayToSoAllHear()
    {
        var example = ContractExample.Load("CallMedia_Play");
        var recorder = new RecordingHandler().Respond(HttpStatusCode.Accepted);
        var expected = example.RequestBody("playRequest");
        // The example plays to one participant in a loop with a cache id; the dashboard plays once to everyone.
        expected.Remove("playTo");
        expected.Remove("playOptions");
        expected.Remove("operationCallbackUri");
        expected["playSources"]![0]!.AsObject().Remove("playSourceCacheId");
        expected["operationContext"] = "op-play-1";

        var result = await TestClients.Acs(recorder).PlayAsync(Call, new Uri("https://some.file.azure.com/sample.wav"), "op-play-1", false, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + ":play");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.NotRepeatable(sent);
        JsonAssert.Equal(expected, sent.BodyText);
    }

    [Fact]
    public async Task RecognizeDtmfAsync_Participant_SendsContractRequest()
    {
        var example = ContractExample.Load("CallMedia_Recognize");
        var recorder = new RecordingHandler().Respond(HttpStatusCode.Accepted);
        var expected = example.RequestBody("recognizeRequest");
        var user = ExampleUser(expected["recognizeOptions"]!["targetParticipant"]!);
        expected.Remove("operationCallbackUri");
        expected["recognizeOptions"]!["targetParticipant"]!["rawId"] = user.RawId;
        expected["operationContext"] = "op-recognize-1";

        var result = await TestClients.Acs(recorder).RecognizeDtmfAsync(Call, user, new Uri("https://some.file.azure.com/sample.wav"), "op-recognize-1", CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + ":recognize");
        AcsRequestAssert.Signed(sent);
        JsonAssert.Equal(expected, sent.BodyText);
    }

    [Fact]
    public async Task CancelAllMediaOperationsAsync_Call_PostsWithoutBody()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.Accepted);

        var result = await TestClients.Acs(recorder).CancelAllMediaOperationsAsync(Call, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + ":cancelAllMediaOperations");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.NotRepeatable(sent);
        Assert.Empty(sent.Body);
    }

    [Fact]
    public async Task RemoveParticipantAsync_AcsUser_SendsRepeatableContractRequest()
    {
        var example = ContractExample.Load("CallConnection_RemoveParticipant");
        var recorder = new RecordingHandler().Respond(HttpStatusCode.Accepted, """{"operationContext":"removing participant"}""");
        var expected = example.RequestBody("removeParticipantRequest");
        var user = ExampleUser(expected["participantToRemove"]!);
        expected.Remove("operationCallbackUri");
        expected["participantToRemove"]!["rawId"] = user.RawId;

        var result = await TestClients.Acs(recorder).RemoveParticipantAsync(Call, user, expected["operationContext"]!.GetValue<string>(), null, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, CallPath + "/participants:remove");
        AcsRequestAssert.Repeatable(sent);
        JsonAssert.Equal(expected, sent.BodyText);
    }

    [Fact]
    public async Task GetCallAsync_ContractResponse_MapsCallDetails()
    {
        var example = ContractExample.Load("CallConnection_GetCall");
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, example.ResponseBody(200));

        var result = await TestClients.Acs(recorder).GetCallAsync(Call, CancellationToken.None);

        var details = result.Value!;
        Assert.Equal(Call, details.CallId);
        Assert.Equal("aHR0cHM6Ly9jb252ZXJzYXRpb251cmwvdGVzdA", details.ServerCallId);
        Assert.Equal(CallState.Connected, details.State);
        Assert.Equal(CommunicationIdentifier.AcsUser("8:acs:b9614373-fd0b-480c-8fd2-cb58b70eab9f_da7be3a9-8788-42a6-85c6-56b2cf784fce"), details.Source);
        Assert.Equal(
            [CommunicationIdentifier.AcsUser("8:acs:b9614373-fd0b-480c-8fd2-cb58b70eab9f_0f50d091-5bd3-448b-884d-44be7037d9b9"), CommunicationIdentifier.Phone("+14250123456")],
            details.Targets);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Get, CallPath);
        AcsRequestAssert.Signed(sent);
    }

    [Fact]
    public async Task HangUpAsync_Call_SendsDelete()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.NoContent);

        var result = await TestClients.Acs(recorder).HangUpAsync(Call, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Delete, CallPath);
        AcsRequestAssert.Signed(sent);
    }

    [Fact]
    public async Task ListParticipantsAsync_NextLinks_FollowsUntilLastPage()
    {
        var example = ContractExample.Load("CallConnection_GetParticipants");
        var page1 = JsonNode.Parse(example.ResponseBody(200))!;
        page1["nextLink"] = CallPath + "/participants?skipToken=page2"; // relative, without api-version
        var recorder = new RecordingHandler()
            .Respond(HttpStatusCode.OK, page1.ToJsonString())
            .Respond(HttpStatusCode.OK, """
                {"value":[{"identifier":{"kind":"phoneNumber","rawId":"4:+14250123456","phoneNumber":{"value":"+14250123456"}},"isMuted":false,"isOnHold":true}],
                 "nextLink":"https://contoso.communications.azure.com/calling/callConnections/18dea47f-b081-4107-9a5c-4300819d2c6c/participants?api-version=2024-09-15&skipToken=page3"}
                """)
            .Respond(HttpStatusCode.OK, """{"value":[{"identifier":{"rawId":"8:orgid:11111111-2222-3333-4444-555555555555"}}]}""");

        var result = await TestClients.Acs(recorder).ListParticipantsAsync(Call, CancellationToken.None);

        Assert.Equal(
            [
                new ParticipantState(CommunicationIdentifier.AcsUser("8:acs:b9614373-fd0b-480c-8fd2-cb58b70eab9f_da7be3a9-8788-42a6-85c6-56b2cf784fce"), IsMuted: true, IsOnHold: false),
                new ParticipantState(CommunicationIdentifier.Phone("+14250123456"), IsMuted: false, IsOnHold: true),
                new ParticipantState(CommunicationIdentifier.TeamsUser("11111111-2222-3333-4444-555555555555"), IsMuted: false, IsOnHold: false),
            ],
            result.Value);
        Assert.Equal(
            [
                $"{CallPath}/participants?api-version=2024-09-15",
                $"{CallPath}/participants?skipToken=page2&api-version=2024-09-15",
                $"{CallPath}/participants?api-version=2024-09-15&skipToken=page3",
            ],
            recorder.Requests.Select(r => r.Uri.PathAndQuery));
        Assert.All(recorder.Requests, AcsRequestAssert.Signed);
    }

    [Fact]
    public async Task ListParticipantsAsync_NextLinkToOtherHost_FailsWithoutFollowing()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, """{"value":[],"nextLink":"https://evil.example.com/calling/x"}""");

        var result = await TestClients.Acs(recorder).ListParticipantsAsync(Call, CancellationToken.None);

        Assert.Equal("InvalidResponse", result.Error?.Code);
        Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task ListParticipantsAsync_NextLinkRepeats_StopsWithError()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, $$"""{"value":[],"nextLink":"{{CallPath}}/participants?api-version=2024-09-15" }""");

        var result = await TestClients.Acs(recorder).ListParticipantsAsync(Call, CancellationToken.None);

        Assert.Equal("InvalidResponse", result.Error?.Code);
        Assert.Single(recorder.Requests);
    }

    private static CommunicationIdentifier ExampleUser(JsonNode model) =>
        CommunicationIdentifier.AcsUser(model["communicationUser"]!["id"]!.GetValue<string>());
}
