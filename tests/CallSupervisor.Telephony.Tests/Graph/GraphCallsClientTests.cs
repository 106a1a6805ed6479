using System.Net;
using System.Text.Json.Nodes;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Graph;

public sealed class GraphCallsClientTests
{
    private const string CommsOperation = """
        {"@odata.type":"#microsoft.graph.commsOperation","id":"op-1","status":"completed","clientContext":"cancel-1","resultInfo":null}
        """;

    [Fact]
    public async Task CancelMediaProcessingAsync_Call_PostsClientContextWithBearer()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, CommsOperation);

        var result = await TestClients.Graph(recorder).CancelMediaProcessingAsync(new CallId("57dab8b1-894c-409a-b240-bd8beae78896"), "cancel-1", CancellationToken.None);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(recorder.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://graph.microsoft.com/v1.0/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/cancelMediaProcessing", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer dev-token", sent.Header("Authorization"));
        Assert.Equal("application/json", sent.ContentHeaders?.ContentType?.MediaType);
        JsonAssert.Equal(JsonNode.Parse("""{"clientContext":"cancel-1"}""")!, sent.BodyText);
    }

    [Fact]
    public async Task CancelMediaProcessingAsync_GraphError_ReturnsCodeAndMessage()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.NotFound, """{"error":{"code":"itemNotFound","message":"Call not found.","innerError":{"request-id":"r1"}}}""");

        var result = await TestClients.Graph(recorder).CancelMediaProcessingAsync(new CallId("gone"), "c", CancellationToken.None);

        Assert.Equal(new TelephonyError(404, "itemNotFound", "Call not found."), result.Error);
        Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task CancelMediaProcessingAsync_ThrottledThenOk_Retries()
    {
        var recorder = new RecordingHandler()
            .Respond(HttpStatusCode.TooManyRequests, """{"error":{"code":"throttled","message":"slow"}}""")
            .Respond(HttpStatusCode.OK, CommsOperation);

        var result = await TestClients.Graph(recorder).CancelMediaProcessingAsync(new CallId("c1"), "c", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, recorder.Requests.Count);
    }

    [Fact]
    public async Task CancelMediaProcessingAsync_BaseUrlOfEmulator_PostsBelowIt()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, CommsOperation);

        await TestClients.Graph(recorder, o => o.BaseUrl = "http://localhost:5123/graph/v1.0").CancelMediaProcessingAsync(new CallId("c1"), "c", CancellationToken.None);

        Assert.Equal("http://localhost:5123/graph/v1.0/communications/calls/c1/cancelMediaProcessing", Assert.Single(recorder.Requests).Uri.AbsoluteUri);
    }
}

/// <summary>The two reads the reconciler makes of a Graph call, in Graph's shape.</summary>
public sealed class GraphCallReadTests
{
    [Fact]
    public async Task GetCallAsync_EstablishedCall_MapsStateSourceAndTargets()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, """
            {"@odata.type":"#microsoft.graph.call","id":"g1","state":"established","callChainId":"chain-1",
             "source":{"identity":{"phone":{"id":"+14255550100"}}},
             "targets":[{"identity":{"user":{"id":"u-1","displayName":"Ana"}}}]}
            """);

        var result = await TestClients.Graph(recorder).GetCallAsync(new CallId("g1"), CancellationToken.None);

        var details = result.Value!;
        Assert.Equal(CallState.Connected, details.State);
        Assert.Equal("chain-1", details.CorrelationId);
        Assert.Equal(CommunicationIdentifier.Phone("+14255550100"), details.Source);
        Assert.Equal([CommunicationIdentifier.TeamsUser("u-1")], details.Targets);
        var sent = Assert.Single(recorder.Requests);
        Assert.Equal("https://graph.microsoft.com/v1.0/communications/calls/g1", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer dev-token", sent.Header("Authorization"));
    }

    [Fact]
    public async Task GetCallAsync_CallGone_404IsCallNotFound()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.NotFound, """{"error":{"code":"itemNotFound","message":"Unknown call."}}""");

        var result = await TestClients.Graph(recorder).GetCallAsync(new CallId("g1"), CancellationToken.None);

        Assert.True(CallNotFound.Is(result.Error));
        Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task ListParticipantsAsync_TwoPages_FollowsNextLinkAndMapsMute()
    {
        var recorder = new RecordingHandler()
            .Respond(HttpStatusCode.OK, """
                {"value":[{"id":"p1","isMuted":false,"info":{"identity":{"phone":{"id":"+14255550100"}}}}],
                 "@odata.nextLink":"https://graph.microsoft.com/v1.0/communications/calls/g1/participants?$skiptoken=2"}
                """)
            .Respond(HttpStatusCode.OK, """
                {"value":[{"id":"p2","isMuted":true,"info":{"identity":{"user":{"id":"u-1","displayName":"Ana Lima"}}}}]}
                """);

        var result = await TestClients.Graph(recorder).ListParticipantsAsync(new CallId("g1"), CancellationToken.None);

        Assert.Equal(2, result.Value!.Count);
        Assert.False(result.Value[0].IsMuted);
        Assert.Equal(CommunicationIdentifier.TeamsUser("u-1"), result.Value[1].Identifier);
        Assert.True(result.Value[1].IsMuted);
        Assert.Equal("Ana Lima", result.Value[1].DisplayName);
        Assert.Equal(2, recorder.Requests.Count);
    }

    [Fact]
    public async Task ListParticipantsAsync_NextLinkToAnotherHost_NotFollowed()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, """{"value":[],"@odata.nextLink":"https://evil.example/steal"}""");

        var result = await TestClients.Graph(recorder).ListParticipantsAsync(new CallId("g1"), CancellationToken.None);

        Assert.Equal("InvalidResponse", result.Error?.Code);
        Assert.Single(recorder.Requests);
    }
}
