using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

public sealed class SimulationTests
{
    [Fact]
    public async Task Simulation_Enabled_GeneratedCallsAreConnectedOnceAttached()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o =>
        {
            o.Simulation.Enabled = true;
            o.Simulation.GraphCallShare = 0;
            o.Simulation.TargetConcurrentCalls = 2;
            o.Simulation.CallArrivalInterval = TimeSpan.FromMilliseconds(50);
        });

        await ctx.App.Acs.WaitUntilAsync(events => events.Count(e => e.Type == "CallConnected") >= 2);

        Assert.Equal(2, ctx.App.Acs.Items.Where(e => e.Type == "CallConnected").Select(e => e.CallConnectionId).Distinct().Count());
    }

    [Fact]
    public async Task Simulation_NotAttached_PostsNothing()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.Simulation.Enabled = true, attach: false);

        var state = await ctx.Admin.GetStringAsync("emulator/calls");

        Assert.Contains("\"calls\":[]", state, StringComparison.Ordinal);
        Assert.Empty(ctx.App.EventGrid.Items);
    }

    [Fact]
    public async Task Simulation_SameSeed_SameCallers()
    {
        var first = await FirstCallersAsync(seed: 7);
        var second = await FirstCallersAsync(seed: 7);

        Assert.Equal(first, second);
    }

    private static async Task<IReadOnlyList<string>> FirstCallersAsync(int seed)
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o =>
        {
            o.Seed = seed;
            o.Simulation.Enabled = true;
            o.Simulation.GraphCallShare = 0;
            o.Simulation.TargetConcurrentCalls = 3;
            o.Simulation.CallArrivalInterval = TimeSpan.FromMilliseconds(20);
        });
        ctx.App.AutoAnswer = false;
        await ctx.App.EventGrid.WaitUntilAsync(events => events.Count(e => (string?)e["eventType"] == "Microsoft.Communication.IncomingCall") >= 3);
        return ctx.App.EventGrid.Items
            .Where(e => (string?)e["eventType"] == "Microsoft.Communication.IncomingCall")
            .Take(3)
            .Select(e => (string)e["data"]!["from"]!["rawId"]!)
            .Order(StringComparer.Ordinal) // calls are posted on parallel lanes, so arrival order may vary
            .ToList();
    }
}
