using System.Net;
using System.Text.Json.Nodes;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Acs;

/// <summary>
/// The recording requests (start, pause, resume, stop on /calling/recordings), each against the contract's request
/// schema (the contract has no example of them), answered with the status the contract lists for it: 200 with a
/// RecordingStateResponse for start, 202 for pause and resume, 204 for stop. Only start carries Repeatability.
/// </summary>
public sealed class RecordingRequestTests
{
    private const string ServerCallId = "aHR0cHM6Ly9hcGkuZmxpZ2h0cHJveHkuc2t5cGUuY29tL2FwaS92Mi9jcC9jb252LXVzZWEyLTAx";
    private const string RecordingId = "eyJQbGF0Zm9ybUVuZHBvaW50SWQiOiI0MTAwZmYwMC1jNjE2In0";
    private const string StartResponse = """{"recordingId":"eyJQbGF0Zm9ybUVuZHBvaW50SWQiOiI0MTAwZmYwMC1jNjE2In0","recordingState":"inactive","recordingKind":"azureCommunicationServices"}""";

    [Fact]
    public async Task StartRecordingAsync_ServerCall_PostsTheContractBodyRepeatableAndReturnsTheRecordingId()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, StartResponse);

        var result = await TestClients.Acs(recorder).StartRecordingAsync(ServerCallId, null, CancellationToken.None);

        Assert.Equal(RecordingId, result.Value);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, HttpMethod.Post, "/calling/recordings");
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.JsonBody(sent);
        AcsRequestAssert.Repeatable(sent);
        ContractSchema.AssertBody(sent.Uri.AbsolutePath, sent.BodyText);
        JsonAssert.Equal(JsonNode.Parse($$"""
            {
              "callLocator": { "kind": "serverCallLocator", "serverCallId": "{{ServerCallId}}" },
              "recordingContentType": "audio",
              "recordingChannelType": "mixed",
              "recordingFormatType": "wav"
            }
            """)!, sent.BodyText);
    }

    [Fact]
    public async Task StartRecordingAsync_GivenRepeatability_SentAsGiven()
    {
        // What the event log keeps for a start sent again after a restart: not replaced by fresh headers.
        var given = new Repeatability(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), new DateTimeOffset(2026, 11, 21, 9, 58, 7, TimeSpan.Zero));
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, StartResponse);

        var result = await TestClients.Acs(recorder).StartRecordingAsync(ServerCallId, given, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", sent.Header("Repeatability-Request-ID"));
        Assert.Equal("Sat, 21 Nov 2026 09:58:07 GMT", sent.Header("Repeatability-First-Sent"));
    }

    [Fact]
    public async Task StartRecordingAsync_503ThenSuccess_RetryReusesThePairAndBody()
    {
        var recorder = new RecordingHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"ServiceUnavailable","message":"busy"}}""")
            .Respond(HttpStatusCode.OK, StartResponse);

        var result = await TestClients.Acs(recorder).StartRecordingAsync(ServerCallId, null, CancellationToken.None);

        Assert.Equal(RecordingId, result.Value);
        Assert.Equal(2, recorder.Requests.Count);
        var (first, second) = (recorder.Requests[0], recorder.Requests[1]);
        AcsRequestAssert.Repeatable(first);
        Assert.Equal(first.Header("Repeatability-Request-ID"), second.Header("Repeatability-Request-ID"));
        Assert.Equal(first.Header("Repeatability-First-Sent"), second.Header("Repeatability-First-Sent"));
        Assert.Equal(first.BodyText, second.BodyText);
        AcsRequestAssert.Signed(second);
    }

    [Theory]
    [InlineData("""{"recordingState":"active"}""")]
    [InlineData("""{"recordingId":"","recordingState":"active"}""")]
    public async Task StartRecordingAsync_ResponseWithoutRecordingId_InvalidResponse(string body)
    {
        // Without the id the recording could never be paused or stopped: not a success.
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, body);

        var result = await TestClients.Acs(recorder).StartRecordingAsync(ServerCallId, null, CancellationToken.None);

        Assert.Equal("InvalidResponse", result.Error?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task StartRecordingAsync_NoServerCallId_FailsWithoutSending(string serverCallId)
    {
        // A call whose serverCallId is not known yet cannot be located: said plainly instead of a 400 from ACS.
        var recorder = new RecordingHandler();

        var result = await TestClients.Acs(recorder).StartRecordingAsync(serverCallId, null, CancellationToken.None);

        Assert.Equal("MissingServerCallId", result.Error?.Code);
        Assert.Empty(recorder.Requests);
    }

    [Theory]
    [InlineData("pause", "")]
    [InlineData("resume", "")]
    [InlineData("stop", "")]
    [InlineData("stop", " ")]
    public async Task RecordingOperation_NoRecordingId_FailsWithoutSending(string operation, string recordingId)
    {
        // An empty id would address another path (DELETE /calling/recordings/, POST /calling/recordings/:pause).
        var recorder = new RecordingHandler();

        var result = await Send(TestClients.Acs(recorder), operation, recordingId);

        Assert.Equal("MissingRecordingId", result.Error?.Code);
        Assert.Empty(recorder.Requests);
    }

    [Theory]
    [InlineData("pause", "POST", ":pause", HttpStatusCode.Accepted)]
    [InlineData("resume", "POST", ":resume", HttpStatusCode.Accepted)]
    [InlineData("stop", "DELETE", "", HttpStatusCode.NoContent)]
    public async Task RecordingOperation_Recording_SentToItsPathWithoutBodyOrRepeatability(string operation, string method, string suffix, HttpStatusCode status)
    {
        var recorder = new RecordingHandler().Respond(status);

        var result = await Send(TestClients.Acs(recorder), operation, RecordingId);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        AcsRequestAssert.Target(sent, new HttpMethod(method), "/calling/recordings/" + RecordingId + suffix);
        AcsRequestAssert.Signed(sent);
        AcsRequestAssert.NotRepeatable(sent);
        Assert.Empty(sent.Body);
    }

    [Theory]
    [InlineData("pause", ":pause")]
    [InlineData("resume", ":resume")]
    [InlineData("stop", "")]
    public async Task RecordingOperation_IdWithPathCharacters_StaysOneEscapedSegment(string operation, string suffix)
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.Accepted);

        await Send(TestClients.Acs(recorder), operation, "a/b+c=");

        var sent = Assert.Single(recorder.Requests);
        Assert.Equal("/calling/recordings/a%2Fb%2Bc%3D" + suffix, sent.Uri.AbsolutePath);
        AcsRequestAssert.Signed(sent);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("stop")]
    public async Task RecordingOperation_503ThenSuccess_RetriedWithoutRepeatability(string operation)
    {
        var recorder = new RecordingHandler()
            .Respond(HttpStatusCode.ServiceUnavailable)
            .Respond(HttpStatusCode.Accepted);

        var result = await Send(TestClients.Acs(recorder), operation, RecordingId);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, recorder.Requests.Count);
        Assert.All(recorder.Requests, AcsRequestAssert.NotRepeatable);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("stop")]
    public async Task RecordingOperation_ErrorResponse_ReturnsTheServiceCodeAndMessage(string operation)
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.NotFound, """{"error":{"code":"8522","message":"Recording not found."}}""");

        var result = await Send(TestClients.Acs(recorder), operation, RecordingId);

        Assert.Equal(new TelephonyError(404, "8522", "Recording not found."), result.Error);
        Assert.Single(recorder.Requests); // a 404 is not retried
    }

    private static async Task<TelephonyResult<Unit>> Send(AcsCallAutomationClient client, string operation, string recordingId) => operation switch
    {
        "start" => await client.StartRecordingAsync(ServerCallId, null, CancellationToken.None) is { IsSuccess: false } failed
            ? TelephonyResult<Unit>.Fail(failed.Error!) : TelephonyResult<Unit>.Ok(default),
        "pause" => await client.PauseRecordingAsync(recordingId, CancellationToken.None),
        "resume" => await client.ResumeRecordingAsync(recordingId, CancellationToken.None),
        "stop" => await client.StopRecordingAsync(recordingId, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
