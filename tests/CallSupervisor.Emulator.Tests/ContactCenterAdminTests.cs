using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

/// <summary>The contact center's admin endpoints over HTTP: <c>GET /emulator/stats</c> and <c>POST /emulator/burst</c>.</summary>
public sealed class ContactCenterAdminTests
{
    [Fact]
    public async Task Burst_Attached_CallersArriveAtOnceAndAreCounted()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        using var response = await ctx.Admin.PostAsJsonAsync("emulator/burst", new { count = 5 });
        await ctx.App.Acs.WaitUntilAsync(events => events.Count(e => e.Type == "CallConnected") >= 5, TimeSpan.FromSeconds(30));
        var stats = await ctx.Admin.GetFromJsonAsync<JsonObject>("emulator/stats");

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal(5, (await response.Content.ReadFromJsonAsync<JsonObject>())!["calls"]!.AsArray().Count);
        Assert.Equal(5, (int)stats!["arrivals"]!);
        Assert.Equal(0, (int)stats["doubleOffers"]!);
        Assert.Equal(8, stats["agents"]!.AsArray().Count);
        Assert.Contains(stats["agents"]!.AsArray(), a => (string?)a!["id"] == "8:orgid:00000000-0000-0000-0000-00000000c0de" && (string?)a["state"] == "idle");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task Burst_CountOutOfRange_400(int count)
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        using var response = await ctx.Admin.PostAsJsonAsync("emulator/burst", new { count });

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("count", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Burst_NotAttached_409()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(attach: false);

        using var response = await ctx.Admin.PostAsync("emulator/burst", null);

        Assert.Equal(409, (int)response.StatusCode);
    }

    [Fact]
    public async Task Stats_DoubleOfferOverRest_CountedAndAnsweredBusy()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.Simulation.AgentRingTimeMin = o.Simulation.AgentRingTimeMax = TimeSpan.FromMinutes(5));
        var first = await ctx.StartConnectedCallAsync(new { platform = "acs", patienceSeconds = 600 });
        var second = await ctx.StartConnectedCallAsync(new { platform = "acs", patienceSeconds = 600 });

        foreach (var (callId, context) in new[] { (first, "offer:1"), (second, "offer:2") })
        {
            var add = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:add"), new
            {
                participantToAdd = new { rawId = "8:acs:emulator_agent-eli", communicationUser = new { id = "8:acs:emulator_agent-eli" } },
                invitationTimeoutInSeconds = 20,
                operationContext = context,
            });
            Assert.Equal(202, add.Status);
        }
        var failed = await ctx.App.Acs.WaitForAsync(e => e.Type == "AddParticipantFailed", TimeSpan.FromSeconds(30));
        var stats = await ctx.Admin.GetFromJsonAsync<JsonObject>("emulator/stats");

        Assert.Equal("offer:2", (string?)failed.Data["operationContext"]);
        Assert.Equal(560486, (int)failed.Data["resultInformation"]!["subCode"]!);
        Assert.Equal(1, (int)stats!["doubleOffers"]!);
        Assert.Equal(2, (int)stats["offers"]!);
        Assert.Equal("busy", (string?)(await ctx.CallStateAsync(second))["invitations"]![0]!["status"]);
    }

    [Fact]
    public async Task Calls_ScenarioWithUnknownMenuKey_400()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        using var response = await ctx.Admin.PostAsJsonAsync("emulator/calls", new { platform = "acs", menuChoice = "7x" });

        Assert.Equal(400, (int)response.StatusCode);
    }
}
