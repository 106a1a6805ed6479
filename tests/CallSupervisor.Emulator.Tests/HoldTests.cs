using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

/// <summary>:hold and :unhold over HTTP: 200 with no body, the truth in the next roster (isOnHold), errors as CommunicationErrorResponse.</summary>
public sealed class HoldTests
{
    private const string Coach = "8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_0000000a-coach";

    [Fact]
    public async Task Hold_ParticipantInCall_Returns200ThenRosterShowsOnHold()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (callId, before) = await StartWithCoachAsync(ctx);
        var mark = ctx.App.Acs.Items.Count;

        var hold = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":hold"), new
        {
            targetParticipant = RequestBodies.AcsUser(Coach),
            playSourceInfo = new { kind = "file", file = new { uri = "https://contoso.test/hold.wav" } },
            operationContext = "hold:1",
        });
        var held = await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && IsOnHold(e, Coach) == true);

        Assert.Equal(200, hold.Status);
        Assert.Equal(["ParticipantsUpdated"], ctx.App.Acs.Items.Skip(mark).Select(e => e.Type));
        Assert.True((int)held.Data["sequenceNumber"]! > before);
        Assert.All(held.Data["participants"]!.AsArray().Where(p => (string?)p!["identifier"]!["rawId"] != Coach), p => Assert.False((bool)p!["isOnHold"]!));
        AcsContract.AssertEvent(held);
    }

    [Fact]
    public async Task Unhold_ParticipantOnHold_Returns200ThenRosterShowsNotOnHold()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var (callId, _) = await StartWithCoachAsync(ctx);
        await HoldAsync(ctx, callId, Coach);
        var held = await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && IsOnHold(e, Coach) == true);
        var mark = ctx.App.Acs.Items.Count;

        var unhold = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":unhold"),
            new { targetParticipant = RequestBodies.AcsUser(Coach), operationContext = "unhold:1" });
        var resumed = await ctx.App.Acs.WaitForAsync(e =>
            e.Type == "ParticipantsUpdated" && (int)e.Data["sequenceNumber"]! > (int)held.Data["sequenceNumber"]!);

        Assert.Equal(200, unhold.Status);
        Assert.Equal(["ParticipantsUpdated"], ctx.App.Acs.Items.Skip(mark).Select(e => e.Type));
        Assert.False(IsOnHold(resumed, Coach));
    }

    [Fact]
    public async Task Hold_ParticipantNotInCall_Returns404WithErrorBody()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var hold = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":hold"),
            new { targetParticipant = RequestBodies.AcsUser(Coach), operationContext = "hold:x" });

        Assert.Equal(404, hold.Status);
        Assert.Equal("8522", (string?)hold.Json["error"]!["code"]);
        Assert.Contains(Coach, (string?)hold.Json["error"]!["message"], StringComparison.Ordinal);
        AcsContract.AssertShape("CommunicationErrorResponse", hold.Json);
    }

    [Fact]
    public async Task Unhold_ParticipantNotInCall_Returns404WithErrorBody()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var unhold = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":unhold"),
            new { targetParticipant = RequestBodies.AcsUser(Coach), operationContext = "unhold:x" });

        Assert.Equal(404, unhold.Status);
        Assert.Equal("8522", (string?)unhold.Json["error"]!["code"]);
        Assert.Contains(Coach, (string?)unhold.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hold_NoTargetParticipant_Returns400()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var hold = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":hold"), new { operationContext = "hold:none" });

        Assert.Equal(400, hold.Status);
        Assert.Contains("targetParticipant", (string?)hold.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hold_UnknownCall_Returns404()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        var hold = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(Guid.NewGuid().ToString(), ":hold"),
            new { targetParticipant = RequestBodies.AcsUser(Coach) });

        Assert.Equal(404, hold.Status);
    }

    internal static async Task HoldAsync(EmulatorTestContext ctx, string callId, string rawId)
    {
        var hold = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":hold"),
            new { targetParticipant = RequestBodies.AcsUser(rawId), operationContext = "hold:" + rawId });
        Assert.Equal(200, hold.Status);
    }

    /// <summary>A call with the caller and <see cref="Coach"/>; returns the sequence number of the roster showing both.</summary>
    private static async Task<(string CallId, int Sequence)> StartWithCoachAsync(EmulatorTestContext ctx)
    {
        var callId = await ctx.StartCallAsync(new { platform = "acs", participants = new[] { new { kind = "communicationUser", value = Coach } } });
        var roster = await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && e.Data["participants"]!.AsArray().Count == 2);
        return (callId, (int)roster.Data["sequenceNumber"]!);
    }

    internal static bool? IsOnHold(ReceivedCloudEvent roster, string rawId) =>
        roster.Data["participants"]!.AsArray().FirstOrDefault(p => (string?)p!["identifier"]!["rawId"] == rawId)?["isOnHold"]?.GetValue<bool>();
}
