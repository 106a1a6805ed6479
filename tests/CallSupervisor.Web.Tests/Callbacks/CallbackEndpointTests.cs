using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Callbacks;

public sealed class CallbackEndpointTests : IAsyncLifetime
{
    private readonly CallbackAppFactory _open = new(callbackAuth: false);
    private readonly CallbackAppFactory _secured = new(callbackAuth: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _open.DisposeAsync();
        await _secured.DisposeAsync();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string ParticipantsUpdated(string eventId, string callId, int sequence, bool muted) => $$$"""
        [{"id":"{{{eventId}}}","source":"calling/callConnections/{{{callId}}}","type":"Microsoft.Communication.ParticipantsUpdated",
          "specversion":"1.0","time":"2026-11-21T10:00:00Z","datacontenttype":"application/json","subject":"calling/callConnections/{{{callId}}}",
          "data":{"callConnectionId":"{{{callId}}}","serverCallId":"s","correlationId":"c","sequenceNumber":{{{sequence}}},
            "participants":[{"identifier":{"kind":"communicationUser","rawId":"8:acs:u1","communicationUser":{"id":"8:acs:u1"}},"isMuted":{{{(muted ? "true" : "false")}}},"isOnHold":false}]}}]
        """;

    [Fact]
    public async Task AcsCallback_Unsigned_Returns401ProblemDetails()
    {
        using var client = _secured.CreateClient();

        using var response = await client.PostAsync("/api/callbacks/acs", Json(ParticipantsUpdated("e1", "call-a", 1, false)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AcsCallback_GarbageBearer_Returns401()
    {
        using var client = _secured.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.jwt");

        using var response = await client.PostAsync("/api/callbacks/acs", Json(ParticipantsUpdated("e1", "call-a", 1, false)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"id\":\"x\"}")]
    [InlineData("[{\"id\":\"x\",\"type\":\"Microsoft.Communication.CallConnected\",\"data\":{}}]")]
    public async Task AcsCallback_Malformed_Returns400ProblemDetails_AndAppliesNothing(string body)
    {
        using var client = _open.CreateClient();
        var before = _open.Services.GetRequiredService<CallStore>().Version;

        using var response = await client.PostAsync("/api/callbacks/acs", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Malformed callback", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, _open.Services.GetRequiredService<CallStore>().Version);
    }

    [Fact]
    public async Task AcsCallback_Oversized_Returns413()
    {
        using var client = _secured.CreateClient();

        using var response = await client.PostAsync("/api/callbacks/acs", Json("[" + new string(' ', 5000) + "]"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AcsCallback_Valid_IsAppliedOnce_EvenWhenDuplicated_AndStaleRosterIgnored()
    {
        using var client = _open.CreateClient();

        using var first = await client.PostAsync("/api/callbacks/acs", Json(ParticipantsUpdated("dup-1", "call-b", 2, true)));
        using var duplicate = await client.PostAsync("/api/callbacks/acs", Json(ParticipantsUpdated("dup-1", "call-b", 2, true)));
        using var stale = await client.PostAsync("/api/callbacks/acs", Json(ParticipantsUpdated("old-1", "call-b", 1, false)));
        using var next = await client.PostAsync("/api/callbacks/acs", Json(ParticipantsUpdated("new-3", "call-b", 3, true)));

        Assert.All(new[] { first, duplicate, stale, next }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var call = await _open.WaitForCallAsync("call-b", c => c.LastRosterSequence == 3);
        Assert.True(call.Participants["8:acs:u1"].IsMuted);
    }

    [Fact]
    public async Task AcsCallback_UnknownEventType_AcceptedAndIgnored()
    {
        using var client = _open.CreateClient();
        const string body = """
            [{"id":"u1","source":"calling/callConnections/call-c","type":"Microsoft.Communication.SomethingNew","specversion":"1.0",
              "time":"2026-11-21T10:00:00Z","data":{"callConnectionId":"call-c"}}]
            """;

        using var response = await client.PostAsync("/api/callbacks/acs", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EventGrid_SubscriptionValidation_EchoesCode()
    {
        using var client = _open.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/callbacks/incoming?key=" + CallbackAppFactory.EventGridKey)
        {
            Content = Json("""
                [{"id":"v1","topic":"t","subject":"s","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
                  "eventTime":"2026-11-21T10:00:00Z","dataVersion":"1","metadataVersion":"1","data":{"validationCode":"code-123"}}]
                """),
        };
        request.Headers.Add("aeg-event-type", "SubscriptionValidation");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("code-123", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("validationResponse").GetString());
    }

    [Theory]
    [InlineData("/api/callbacks/incoming")]
    [InlineData("/api/callbacks/incoming?key=wrong-key-0123456789")]
    public async Task EventGrid_WithoutTheKey_Returns401(string path)
    {
        using var client = _open.CreateClient();

        using var response = await client.PostAsync(path, Json("[]"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Graph_ValidationToken_IsEchoedAsText()
    {
        using var client = _open.CreateClient();

        using var response = await client.PostAsync("/api/callbacks/graph?validationToken=abc%20123", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("abc 123", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Graph_WrongClientState_Returns401()
    {
        using var client = _open.CreateClient();
        const string body = """
            {"value":[{"changeType":"updated","resource":"/app/calls/g1","clientState":"wrong",
              "resourceData":{"@odata.type":"#microsoft.graph.call","id":"g1","state":"established"}}]}
            """;

        using var response = await client.PostAsync("/api/callbacks/graph", Json(body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Graph_Malformed_Returns400()
    {
        using var client = _open.CreateClient();

        using var response = await client.PostAsync("/api/callbacks/graph", Json("{\"value\": 5}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
