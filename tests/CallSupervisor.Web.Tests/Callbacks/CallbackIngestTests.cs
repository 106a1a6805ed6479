using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Web.Tests.Callbacks;

/// <summary>
/// What callbacks may look like beyond the usual JSON array: one CloudEvent object (structured mode), rosters without a
/// sequence number (older API versions), events dated far from now (replays) and ids with control characters.
/// </summary>
public sealed class CallbackIngestTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly CallbackAppFactory _app;

    public CallbackIngestTests() => _app = new CallbackAppFactory(callbackAuth: false, services: s => s.AddSingleton<ILoggerProvider>(_logs));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static StringContent Json(string body, string mediaType = "application/json") =>
        new(body, new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" });

    private static string Time(DateTimeOffset at) => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string Connected(string id, string callId, DateTimeOffset at) => $$$"""
        {"id":"{{{id}}}","source":"calling/callConnections/{{{callId}}}","type":"Microsoft.Communication.CallConnected","specversion":"1.0",
         "time":"{{{Time(at)}}}","data":{"callConnectionId":"{{{callId}}}","serverCallId":"s","correlationId":"c"}}
        """;

    private static string Roster(string id, string callId, DateTimeOffset at, bool muted, int? sequence) => $$$"""
        {"id":"{{{id}}}","type":"Microsoft.Communication.ParticipantsUpdated","specversion":"1.0","time":"{{{Time(at)}}}",
         "data":{"callConnectionId":"{{{callId}}}",{{{(sequence is { } n ? $"\"sequenceNumber\":{n}," : "")}}}
           "participants":[{"identifier":{"kind":"communicationUser","rawId":"8:acs:u1","communicationUser":{"id":"8:acs:u1"}},"isMuted":{{{(muted ? "true" : "false")}}}}]}}
        """;

    [Fact]
    public async Task AcsCallback_SingleCloudEventObject_AcceptedAsABatchOfOne()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/callbacks/acs",
            Json(Connected("one-1", "call-one", DateTimeOffset.UtcNow), "application/cloudevents+json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.WaitForCallAsync("call-one", c => c.State == CallState.Connected);
    }

    [Fact]
    public async Task EventGrid_SingleCloudEventObject_Accepted()
    {
        using var client = _app.CreateClient();
        var body = $$$"""
            {"id":"ce-in-1","source":"/subscriptions/s","type":"Microsoft.Communication.IncomingCall","specversion":"1.0","time":"{{{Time(DateTimeOffset.UtcNow)}}}",
             "data":{"to":{"kind":"communicationUser","rawId":"8:acs:agent","communicationUser":{"id":"8:acs:agent"}},
               "from":{"kind":"phoneNumber","rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},"incomingCallContext":"eyJ.eyJ."}}
            """;

        using var response = await client.PostAsync("/api/callbacks/incoming?key=" + CallbackAppFactory.EventGridKey, Json(body, "application/cloudevents+json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AcsCallback_RostersWithoutSequenceNumber_AppliedByEventTime_WarnedOncePerCall()
    {
        using var client = _app.CreateClient();
        var now = DateTimeOffset.UtcNow;

        // One batch: the call, then two rosters without sequence numbers, the later-dated one first.
        using var batch = await client.PostAsync("/api/callbacks/acs", Json("[" + string.Join(",",
            Connected("u-c", "call-u", now.AddSeconds(-3)),
            Roster("u-2", "call-u", now.AddSeconds(-1), muted: true, sequence: null),
            Roster("u-1", "call-u", now.AddSeconds(-2), muted: false, sequence: null)) + "]"));
        using var later = await client.PostAsync("/api/callbacks/acs", Json("[" + Roster("u-3", "call-u", now, muted: false, sequence: null) + "]"));

        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var call = await _app.WaitForCallAsync("call-u", c => c.LastRosterAt == now);
        Assert.False(call.Participants["8:acs:u1"].IsMuted);
        Assert.Null(call.LastRosterSequence);
        Assert.Single(_logs.Warnings("call-u has no sequenceNumber"));
    }

    [Fact]
    public async Task AcsCallback_EventDatedYearsAgo_TheCallStartsWhenItWasReceived_AndItIsLogged()
    {
        using var client = _app.CreateClient();
        var before = DateTimeOffset.UtcNow;

        using var response = await client.PostAsync("/api/callbacks/acs", Json("[" + Connected("old-1", "call-old", new DateTimeOffset(2022, 3, 1, 8, 0, 0, TimeSpan.Zero)) + "]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await _app.WaitForCallAsync("call-old", c => c.State == CallState.Connected);
        Assert.InRange(call.StartedAt, before, DateTimeOffset.UtcNow);
        Assert.Contains(_logs.Warnings("dated far from now"), m => m.Contains("old-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcsCallback_EventDatedInTheFuture_UsesTheReceiveTime()
    {
        using var client = _app.CreateClient();
        var before = DateTimeOffset.UtcNow;

        using var connected = await client.PostAsync("/api/callbacks/acs", Json("[" + Connected("f-1", "call-future", before.AddMinutes(-1)) + "]"));
        using var ended = await client.PostAsync("/api/callbacks/acs", Json($$$"""
            [{"id":"f-2","type":"Microsoft.Communication.CallDisconnected","time":"{{{Time(before.AddDays(3))}}}","data":{"callConnectionId":"call-future"}}]
            """));

        var call = await _app.WaitForCallAsync("call-future", c => c.State == CallState.Disconnected);
        // Within the allowed skew the event's own time counts; beyond it, the receive time.
        Assert.Equal(before.AddMinutes(-1), call.StartedAt);
        Assert.InRange(call.EndedAt!.Value, before, DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData('\0')]
    [InlineData('\r')]
    [InlineData('\n')]
    [InlineData('\t')]
    [InlineData('\u0085')]
    public async Task AcsCallback_ControlCharacterInCallConnectionId_Returns400NamingTheField_AndAppliesNothing(char c)
    {
        using var client = _app.CreateClient();
        var store = _app.Services.GetRequiredService<CallStore>();
        var before = store.Version;
        var escaped = "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await client.PostAsync("/api/callbacks/acs", Json($$$"""
            [{"id":"nul-1","type":"Microsoft.Communication.CallConnected","time":"{{{Time(DateTimeOffset.UtcNow)}}}","data":{"callConnectionId":"call{{{escaped}}}x"}}]
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("'callConnectionId' contains a control character", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, store.Version);
    }
}
