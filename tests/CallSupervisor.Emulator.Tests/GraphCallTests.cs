using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

public sealed class GraphCallTests
{
    [Fact]
    public async Task GraphScenario_Started_NotifiesEstablishedParticipantsAndRunningPrompt()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        var callId = await ctx.StartCallAsync(new
        {
            platform = "graph",
            caller = new { kind = "phoneNumber", value = "+14255550177" },
            participants = new[] { new { kind = "microsoftTeamsUser", joinAfterSeconds = 0.05 } },
            mediaDurationSeconds = 0.1,
        });
        await ctx.App.Graph.WaitForAsync(n => ResourceType(n) == "#microsoft.graph.recordOperation" && Status(n) == "completed");

        var notifications = ctx.App.Graph.Items;
        Assert.All(notifications, n => Assert.Equal(ctx.Emulator.GraphClientState, (string?)n["clientState"]));
        Assert.Equal(["establishing", "established"], notifications.Where(n => ResourceType(n) == "#microsoft.graph.call").Select(n => (string?)n["resourceData"]!["state"]));
        Assert.Contains(notifications, n => (string?)n["resourceUrl"] == $"/communications/calls/{callId}/participants"
            && n["resourceData"]!.AsArray().Count == 3);
        var prompt = notifications.Where(n => ResourceType(n) == "#microsoft.graph.playPromptOperation").Select(Status).ToList();
        Assert.Equal(["running", "completed"], prompt);

        using (await ctx.Admin.PostAsync($"emulator/calls/{callId}/end", null))
        {
        }
        var terminated = await ctx.App.Graph.WaitForAsync(n => ResourceType(n) == "#microsoft.graph.call" && (string?)n["resourceData"]!["state"] == "terminated");
        Assert.Equal("deleted", (string?)terminated["changeType"]);
    }

    [Fact]
    public async Task GraphCancelMediaProcessing_UnknownCall_Returns404()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        using var http = new HttpClient { BaseAddress = ctx.Emulator.GraphBaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ctx.Emulator.GraphToken);

        using var response = await http.PostAsync("communications/calls/unknown/cancelMediaProcessing", new StringContent("""{"clientContext":"c"}"""));

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task GraphGetCallAndParticipants_LiveThenEnded_GraphShapesThen404()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartCallAsync(new
        {
            platform = "graph",
            caller = new { kind = "phoneNumber", value = "+14255550178" },
            participants = new[] { new { kind = "microsoftTeamsUser", joinAfterSeconds = 0 } },
        });
        await ctx.App.Graph.WaitForAsync(n => (string?)n["resourceUrl"] == $"/communications/calls/{callId}/participants" && n["resourceData"]!.AsArray().Count == 3);
        using var http = new HttpClient { BaseAddress = ctx.Emulator.GraphBaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ctx.Emulator.GraphToken);

        var call = JsonNode.Parse(await http.GetStringAsync($"communications/calls/{callId}"))!;
        var participants = JsonNode.Parse(await http.GetStringAsync($"communications/calls/{callId}/participants"))!;

        Assert.Equal("#microsoft.graph.call", (string?)call["@odata.type"]);
        Assert.Equal("established", (string?)call["state"]);
        Assert.Equal("+14255550178", (string?)call["source"]!["identity"]!["phone"]!["id"]);
        var roster = participants["value"]!.AsArray();
        Assert.Equal(3, roster.Count);
        Assert.All(roster, p => Assert.Equal("#microsoft.graph.participant", (string?)p!["@odata.type"]));
        Assert.All(roster, p => Assert.False((bool)p!["isMuted"]!));
        Assert.Contains(roster, p => p!["info"]!["identity"]!["user"] is not null);

        using (await ctx.Admin.PostAsync($"emulator/calls/{callId}/end", null))
        {
        }
        using var gone = await http.GetAsync($"communications/calls/{callId}");
        using var goneRoster = await http.GetAsync($"communications/calls/{callId}/participants");

        Assert.Equal(404, (int)gone.StatusCode);
        Assert.Equal("itemNotFound", (string?)JsonNode.Parse(await gone.Content.ReadAsStringAsync())!["error"]!["code"]);
        Assert.Equal(404, (int)goneRoster.StatusCode);
    }

    [Fact]
    public async Task GraphGetCall_WithoutBearerToken_Returns401()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        using var http = new HttpClient { BaseAddress = ctx.Emulator.GraphBaseAddress };

        using var response = await http.GetAsync("communications/calls/any");

        Assert.Equal(401, (int)response.StatusCode);
    }

    private static string? ResourceType(JsonObject n) => n["resourceData"] is JsonObject d ? (string?)d["@odata.type"] : null;

    private static string? Status(JsonObject n) => n["resourceData"] is JsonObject d ? (string?)d["status"] : null;
}
