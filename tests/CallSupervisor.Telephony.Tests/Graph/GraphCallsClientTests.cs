using System.Net;
using System.Text.Json.Nodes;
using CallSupervisor.Core.Calls;
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
