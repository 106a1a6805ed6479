using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

/// <summary>
/// /calling/recordings over HTTP: start answers inactive and RecordingStateChanged (active) follows; pause and resume
/// answer 202 with an event each; stop answers 204, the recording is then gone; the call ending stops its recording.
/// </summary>
public sealed class RecordingTests
{
    internal const string RecordingsPath = "calling/recordings?" + AcsTestClient.ApiVersion;

    [Fact]
    public async Task StartRecording_ConnectedCall_Returns200InactiveThenRecordingStateChangedActive()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (callId, serverCallId) = await StartCallAsync(ctx);

        var start = await StartAsync(ctx, serverCallId);
        var recordingId = (string?)start.Json["recordingId"];
        var active = await ctx.App.Acs.WaitForAsync(e => e.Type == "RecordingStateChanged");

        Assert.Equal(200, start.Status);
        Assert.False(string.IsNullOrEmpty(recordingId));
        Assert.Equal("inactive", (string?)start.Json["recordingState"]);
        Assert.Equal("azureCommunicationServices", (string?)start.Json["recordingKind"]);
        AcsContract.AssertShape("RecordingStateResponse", start.Json);
        Assert.Equal("active", (string?)active.Data["state"]);
        Assert.Equal(recordingId, (string?)active.Data["recordingId"]);
        Assert.Equal(callId, active.CallConnectionId);
        Assert.Equal(serverCallId, (string?)active.Data["serverCallId"]);
        Assert.Equal("azureCommunicationServices", (string?)active.Data["recordingKind"]);
        Assert.NotNull(active.Data["startDateTime"]);
        Assert.NotNull(active.Data["correlationId"]);
        AcsContract.AssertEvent(active);
    }

    [Fact]
    public async Task StartRecording_UnknownServerCall_Returns404WithErrorBody()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        var start = await StartAsync(ctx, "bm8tc3VjaC1jYWxs");

        Assert.Equal(404, start.Status);
        Assert.Equal("8522", (string?)start.Json["error"]!["code"]);
        Assert.Contains("bm8tc3VjaC1jYWxs", (string?)start.Json["error"]!["message"], StringComparison.Ordinal);
        AcsContract.AssertShape("CommunicationErrorResponse", start.Json);
    }

    [Fact]
    public async Task StartRecording_EndedCall_Returns404()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (callId, serverCallId) = await StartCallAsync(ctx);
        Assert.Equal(204, (await ctx.Client.DeleteAsync(EmulatorTestContext.CallPath(callId))).Status);

        var start = await StartAsync(ctx, serverCallId);

        Assert.Equal(404, start.Status);
        Assert.Equal("8522", (string?)start.Json["error"]!["code"]);
        Assert.Contains(serverCallId, (string?)start.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRecording_CallNotYetConnected_Returns400()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.Simulation.ConnectDelay = TimeSpan.FromMinutes(5));
        var callId = await ctx.StartCallAsync(new { platform = "acs" });
        await ctx.App.Answers.WaitForAsync(a => a.Status == 200);
        var serverCallId = (string)(await ctx.CallStateAsync(callId))["serverCallId"]!;

        var start = await StartAsync(ctx, serverCallId);

        Assert.Equal(400, start.Status);
        Assert.Equal("8501", (string?)start.Json["error"]!["code"]);
    }

    [Fact]
    public async Task StartRecording_CallAlreadyRecorded_Returns400NamingTheRecording()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (_, serverCallId) = await StartCallAsync(ctx);
        var first = await StartAsync(ctx, serverCallId);

        var second = await StartAsync(ctx, serverCallId);

        Assert.Equal(400, second.Status);
        Assert.Contains((string)first.Json["recordingId"]!, (string?)second.Json["error"]!["message"], StringComparison.Ordinal);
        Assert.Contains("already being recorded", (string?)second.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"recordingContentType":"audio"}""", "callLocator")]
    [InlineData("""{"callLocator":{"kind":"groupCallLocator","groupCallId":"g"}}""", "serverCallLocator")]
    [InlineData("""{"callLocator":{"kind":"serverCallLocator"}}""", "serverCallId")]
    [InlineData("""{"callLocator":{"kind":"serverCallLocator","serverCallId":"x"},"recordingFormatType":"flac"}""", "recordingFormatType")]
    [InlineData("""{"callLocator":{"kind":"serverCallLocator","serverCallId":"x"},"recordingStateCallbackUri":"https://contoso.test/cb"}""", "recordingStateCallbackUri")]
    public async Task StartRecording_InvalidRequest_Returns400NamingTheField(string body, string field)
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        var start = await ctx.Client.PostAsync(RecordingsPath, JsonNode.Parse(body));

        Assert.Equal(400, start.Status);
        Assert.Contains(field, (string?)start.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRecording_WithRecordingStateCallbackUri_SendsTheEventsThereNotToTheCallsCallback()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        await using var other = await FakeApp.StartAsync();
        var (callId, serverCallId) = await StartCallAsync(ctx);
        var callback = new Uri(other.BaseAddress, "api/callbacks/acs").ToString();

        var start = await ctx.Client.PostAsync(RecordingsPath, Body(serverCallId, callback));
        var active = await other.Acs.WaitForAsync(e => e.Type == "RecordingStateChanged");
        // The hang-up's events go to the call's callback after the recording's last one went to the other.
        Assert.Equal(204, (await ctx.Client.DeleteAsync(EmulatorTestContext.CallPath(callId))).Status);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected");
        await other.Acs.WaitUntilAsync(events => States(events).SequenceEqual(["active", "inactive"]));

        Assert.Equal(200, start.Status);
        Assert.Equal(callId, active.CallConnectionId);
        Assert.Empty(States(ctx.App.Acs.Items));
    }

    [Fact]
    public async Task GetRecording_Started_ReturnsItsStateAndUnknownReturns404()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (_, serverCallId) = await StartCallAsync(ctx);
        var recordingId = (string)(await StartAsync(ctx, serverCallId)).Json["recordingId"]!;
        await ctx.App.Acs.WaitForAsync(e => e.Type == "RecordingStateChanged");

        var found = await ctx.Client.GetAsync(RecordingPath(recordingId));
        var unknown = await ctx.Client.GetAsync(RecordingPath(Guid.NewGuid().ToString()));

        Assert.Equal(200, found.Status);
        Assert.Equal(recordingId, (string?)found.Json["recordingId"]);
        Assert.Equal("active", (string?)found.Json["recordingState"]);
        AcsContract.AssertShape("RecordingStateResponse", found.Json);
        Assert.Equal(404, unknown.Status);
        AcsContract.AssertShape("CommunicationErrorResponse", unknown.Json);
    }

    [Fact]
    public async Task PauseResumeRecording_ActiveRecording_Returns202ThenInactiveThenActive()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (_, serverCallId) = await StartCallAsync(ctx);
        var recordingId = await StartActiveAsync(ctx, serverCallId);

        var pause = await ctx.Client.PostAsync(RecordingPath(recordingId, ":pause"), null);
        await ctx.App.Acs.WaitUntilAsync(events => States(events).SequenceEqual(["active", "inactive"]));
        var paused = await ctx.Client.GetAsync(RecordingPath(recordingId));
        var resume = await ctx.Client.PostAsync(RecordingPath(recordingId, ":resume"), null);
        await ctx.App.Acs.WaitUntilAsync(events => States(events).SequenceEqual(["active", "inactive", "active"]));

        Assert.Equal((202, ""), (pause.Status, pause.Body));
        Assert.Equal("inactive", (string?)paused.Json["recordingState"]);
        Assert.Equal((202, ""), (resume.Status, resume.Body));
        Assert.All(ctx.App.Acs.Items, AcsContract.AssertEvent);
    }

    [Fact]
    public async Task PauseRecording_AlreadyPaused_Returns202WithoutAnotherEvent()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (callId, serverCallId) = await StartCallAsync(ctx);
        var recordingId = await StartActiveAsync(ctx, serverCallId);
        Assert.Equal(202, (await ctx.Client.PostAsync(RecordingPath(recordingId, ":pause"), null)).Status);
        await ctx.App.Acs.WaitUntilAsync(events => States(events).SequenceEqual(["active", "inactive"]));

        var again = await ctx.Client.PostAsync(RecordingPath(recordingId, ":pause"), null);
        var resumeActive = await ctx.Client.PostAsync(RecordingPath(recordingId, ":resume"), null);
        await ctx.App.Acs.WaitUntilAsync(events => States(events).SequenceEqual(["active", "inactive", "active"]));
        var resumeAgain = await ctx.Client.PostAsync(RecordingPath(recordingId, ":resume"), null);
        // The hang-up's event marks the end: anything a repeated pause or resume sent would have come before it.
        Assert.Equal(204, (await ctx.Client.DeleteAsync(EmulatorTestContext.CallPath(callId))).Status);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected");

        Assert.Equal(202, again.Status);
        Assert.Equal(202, resumeActive.Status);
        Assert.Equal(202, resumeAgain.Status);
        Assert.Equal(["active", "inactive", "active", "inactive"], States(ctx.App.Acs.Items));
    }

    [Fact]
    public async Task StopRecording_ActiveRecording_Returns204ThenInactiveAndTheRecordingIsGone()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (callId, serverCallId) = await StartCallAsync(ctx);
        var recordingId = await StartActiveAsync(ctx, serverCallId);

        var stop = await ctx.Client.DeleteAsync(RecordingPath(recordingId));
        await ctx.App.Acs.WaitUntilAsync(events => States(events).SequenceEqual(["active", "inactive"]));

        Assert.Equal(204, stop.Status);
        Assert.Equal(404, (await ctx.Client.GetAsync(RecordingPath(recordingId))).Status);
        Assert.Equal(404, (await ctx.Client.PostAsync(RecordingPath(recordingId, ":pause"), null)).Status);
        Assert.Equal(404, (await ctx.Client.PostAsync(RecordingPath(recordingId, ":resume"), null)).Status);
        Assert.Equal(404, (await ctx.Client.DeleteAsync(RecordingPath(recordingId))).Status);
        Assert.Null((await ctx.CallStateAsync(callId))["recording"]);
        // Stopped, the call can be recorded again.
        Assert.Equal(200, (await StartAsync(ctx, serverCallId)).Status);
    }

    [Fact]
    public async Task HangUp_CallBeingRecorded_RecordingStateChangedInactiveBeforeCallDisconnected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (callId, serverCallId) = await StartCallAsync(ctx);
        var recordingId = await StartActiveAsync(ctx, serverCallId);

        Assert.Equal(204, (await ctx.Client.DeleteAsync(EmulatorTestContext.CallPath(callId))).Status);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected");

        var tail = ctx.App.Acs.Items.Where(e => e.Type is "RecordingStateChanged" or "CallDisconnected").Select(e => (e.Type, (string?)e.Data["state"]));
        Assert.Equal([("RecordingStateChanged", "active"), ("RecordingStateChanged", "inactive"), ("CallDisconnected", null)], tail);
        Assert.Equal(404, (await ctx.Client.GetAsync(RecordingPath(recordingId))).Status);
    }

    [Fact]
    public async Task StopRecording_BeforeItBecameActive_NoActiveEventFollows()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.Simulation.EventDelay = TimeSpan.FromMilliseconds(300));
        var (callId, serverCallId) = await StartCallAsync(ctx);
        var recordingId = (string)(await StartAsync(ctx, serverCallId)).Json["recordingId"]!;

        var stop = await ctx.Client.DeleteAsync(RecordingPath(recordingId));
        Assert.Equal(204, (await ctx.Client.DeleteAsync(EmulatorTestContext.CallPath(callId))).Status);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected");

        Assert.Equal(204, stop.Status);
        Assert.DoesNotContain("active", States(ctx.App.Acs.Items));
    }

    [Fact]
    public async Task Snapshot_CallBeingRecorded_ShowsTheRecordingAndItsState()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (callId, serverCallId) = await StartCallAsync(ctx);
        var recordingId = await StartActiveAsync(ctx, serverCallId);
        Assert.Equal(202, (await ctx.Client.PostAsync(RecordingPath(recordingId, ":pause"), null)).Status);
        await ctx.App.Acs.WaitUntilAsync(events => States(events).SequenceEqual(["active", "inactive"]));

        var recording = (await ctx.CallStateAsync(callId))["recording"]!;

        Assert.Equal(recordingId, (string?)recording["recordingId"]);
        Assert.Equal("inactive", (string?)recording["state"]);
        Assert.True((bool)recording["paused"]!);
        Assert.Equal("audio", (string?)recording["contentType"]);
    }

    [Fact]
    public async Task StartRecording_SameRequestIdTwice_StartsOnce()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (_, serverCallId) = await StartCallAsync(ctx);
        var requestId = Guid.NewGuid().ToString();
        var firstSent = DateTimeOffset.UtcNow.ToString("R");
        void Headers(HttpRequestMessage r)
        {
            r.Headers.Add("Repeatability-Request-ID", requestId);
            r.Headers.Add("Repeatability-First-Sent", firstSent);
        }

        var first = await ctx.Client.PostAsync(RecordingsPath, Body(serverCallId), Headers);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "RecordingStateChanged");
        var second = await ctx.Client.PostAsync(RecordingsPath, Body(serverCallId), Headers);
        var other = await ctx.Client.PostAsync(RecordingsPath, Body(serverCallId), r =>
        {
            r.Headers.Add("Repeatability-Request-ID", Guid.NewGuid().ToString());
            r.Headers.Add("Repeatability-First-Sent", firstSent);
        });

        Assert.Equal(200, second.Status);
        Assert.Equal((string?)first.Json["recordingId"], (string?)second.Json["recordingId"]);
        Assert.Equal("accepted", second.Headers["Repeatability-Result"]);
        Assert.Equal(400, other.Status);
        Assert.Single(ctx.App.Acs.Items, e => e.Type == "RecordingStateChanged");
    }

    [Theory]
    [InlineData("startRecording")]
    [InlineData("getRecording")]
    [InlineData("pauseRecording")]
    [InlineData("resumeRecording")]
    [InlineData("stopRecording")]
    public async Task FailNextRequests_RecordingOperation_FailsThatOperationOnce(string operation)
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (_, serverCallId) = await StartCallAsync(ctx);
        var recordingId = operation == "startRecording" ? null : await StartActiveAsync(ctx, serverCallId);
        Task<AcsResponse> Send() => operation switch
        {
            "startRecording" => StartAsync(ctx, serverCallId),
            "getRecording" => ctx.Client.GetAsync(RecordingPath(recordingId!)),
            "pauseRecording" => ctx.Client.PostAsync(RecordingPath(recordingId!, ":pause"), null),
            "resumeRecording" => ctx.Client.PostAsync(RecordingPath(recordingId!, ":resume"), null),
            _ => ctx.Client.DeleteAsync(RecordingPath(recordingId!)),
        };
        await ctx.SetFaultsAsync(new { failNextRequests = 1, failOperation = operation });

        var failed = await Send();
        var retried = await Send();

        Assert.Equal(503, failed.Status);
        AcsContract.AssertShape("CommunicationErrorResponse", failed.Json);
        Assert.InRange(retried.Status, 200, 299);
    }

    internal static string RecordingPath(string recordingId, string suffix = "") =>
        $"calling/recordings/{Uri.EscapeDataString(recordingId)}{suffix}?{AcsTestClient.ApiVersion}";

    internal static JsonObject Body(string serverCallId, string? callback = null)
    {
        var body = new JsonObject
        {
            ["callLocator"] = new JsonObject { ["kind"] = "serverCallLocator", ["serverCallId"] = serverCallId },
            ["recordingContentType"] = "audio",
            ["recordingChannelType"] = "mixed",
            ["recordingFormatType"] = "wav",
        };
        if (callback is not null)
        {
            body["recordingStateCallbackUri"] = callback;
        }
        return body;
    }

    private static Task<AcsResponse> StartAsync(EmulatorTestContext ctx, string serverCallId) =>
        ctx.Client.PostAsync(RecordingsPath, Body(serverCallId));

    private static async Task<string> StartActiveAsync(EmulatorTestContext ctx, string serverCallId)
    {
        var start = await StartAsync(ctx, serverCallId);
        Assert.Equal(200, start.Status);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "RecordingStateChanged" && (string?)e.Data["state"] == "active");
        return (string)start.Json["recordingId"]!;
    }

    /// <summary>A connected call: its callConnectionId and serverCallId.</summary>
    internal static async Task<(string CallId, string ServerCallId)> StartCallAsync(EmulatorTestContext ctx)
    {
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });
        return (callId, (string)(await ctx.CallStateAsync(callId))["serverCallId"]!);
    }

    internal static IReadOnlyList<string?> States(IReadOnlyList<ReceivedCloudEvent> events) =>
        events.Where(e => e.Type == "RecordingStateChanged").Select(e => (string?)e.Data["state"]).ToList();
}
