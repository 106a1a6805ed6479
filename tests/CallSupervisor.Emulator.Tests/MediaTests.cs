using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

public sealed class MediaTests
{
    private static readonly object HoldMusic = new
    {
        playSources = new[] { new { kind = "file", file = new { uri = "https://contoso.example/hold.wav" } } },
        operationContext = "play:hold",
    };

    [Fact]
    public async Task CancelAllMediaOperations_RunningPlay_SendsPlayCanceled()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", mediaDurationSeconds = 120 });

        var play = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":play"), HoldMusic);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "PlayStarted");
        var cancel = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":cancelAllMediaOperations"), null);
        var canceled = await ctx.App.Acs.WaitForAsync(e => e.Type == "PlayCanceled");

        Assert.Equal(202, play.Status);
        Assert.Equal(202, cancel.Status);
        Assert.Equal("play:hold", (string?)canceled.Data["operationContext"]);
        Assert.Equal(8508, (int)canceled.Data["resultInformation"]!["subCode"]!);
        Assert.Equal("canceled", (string?)(await ctx.CallStateAsync(callId))["media"]![0]!["status"]);
    }

    [Fact]
    public async Task Play_ShortMedia_SendsPlayStartedThenPlayCompleted()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", mediaDurationSeconds = 0.1 });

        await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":play"), HoldMusic);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "PlayCompleted");

        var types = ctx.App.Acs.Items.Select(e => e.Type).ToList();
        Assert.True(types.IndexOf("PlayStarted") < types.IndexOf("PlayCompleted"));
    }

    [Fact]
    public async Task Recognize_QueuedBehindPlay_CanceledTogether()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", caller = new { kind = "phoneNumber", value = "+14255550199" }, mediaDurationSeconds = 120 });

        await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":play"), HoldMusic);
        var recognize = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":recognize"), new
        {
            recognizeInputType = "dtmf",
            playPrompt = new { kind = "file", file = new { uri = "https://contoso.example/menu.wav" } },
            recognizeOptions = new { targetParticipant = RequestBodies.Phone("+14255550199"), dtmfOptions = new { maxTonesToCollect = 4 } },
            operationContext = "recognize:1",
        });
        await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":cancelAllMediaOperations"), null);
        var canceled = await ctx.App.Acs.WaitForAsync(e => e.Type == "RecognizeCanceled");

        Assert.Equal(202, recognize.Status);
        Assert.Equal("recognize:1", (string?)canceled.Data["operationContext"]);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "PlayCanceled");
    }

    [Fact]
    public async Task GraphCancelMediaProcessing_RunningPrompt_Returns200AndFailed8508Notification()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartCallAsync(new { platform = "graph", mediaDurationSeconds = 120 });
        var running = await ctx.App.Graph.WaitForAsync(n => OperationStatus(n) == "running");
        Assert.Equal(ctx.Emulator.GraphClientState, (string?)running["clientState"]);

        using var http = new HttpClient { BaseAddress = ctx.Emulator.GraphBaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"communications/calls/{callId}/cancelMediaProcessing")
        {
            Content = JsonContent.Create(new { clientContext = "cancel-media:1" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ctx.Emulator.GraphToken);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var operation = JsonNode.Parse(text)!.AsObject();
        var failed = await ctx.App.Graph.WaitForAsync(n => OperationStatus(n) == "failed");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("#microsoft.graph.commsOperation", (string?)operation!["@odata.type"]);
        Assert.Equal("completed", (string?)operation["status"]);
        Assert.Equal("cancel-media:1", (string?)operation["clientContext"]);
        Assert.Equal(running["resourceData"]!["id"]!.GetValue<string>(), (string?)failed["resourceData"]!["id"]);
        Assert.Equal(running["resourceData"]!["clientContext"]!.GetValue<string>(), (string?)failed["resourceData"]!["clientContext"]);
        Assert.Equal(8508, (int)failed["resourceData"]!["resultInfo"]!["subcode"]!);
        Assert.Equal("deleted", (string?)failed["changeType"]);
    }

    /// <summary>Status of an operation notification; participant notifications carry an array instead.</summary>
    private static string? OperationStatus(JsonObject notification) =>
        notification["resourceData"] is JsonObject data ? (string?)data["status"] : null;
}
