using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

public sealed class InvitationTests
{
    private const string Agent = "8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_0000000b-agent";

    [Fact]
    public async Task CancelAddParticipant_WhileRinging_SendsCancelAddParticipantSucceeded()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", invitationBehavior = "ringForever" });
        var invitationId = await InviteAsync(ctx, callId, "invite:1");

        var cancel = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:cancelAddParticipant"),
            new { invitationId, operationContext = "cancel:1" });
        var succeeded = await ctx.App.Acs.WaitForAsync(e => e.Type == "CancelAddParticipantSucceeded");

        Assert.Equal(202, cancel.Status);
        Assert.Equal(invitationId, (string?)cancel.Json["invitationId"]);
        Assert.Equal(invitationId, (string?)succeeded.Data["invitationId"]);
        Assert.Equal("cancel:1", (string?)succeeded.Data["operationContext"]);
        Assert.Null(succeeded.Data["participant"]);
        var invitation = (await ctx.CallStateAsync(callId))["invitations"]![0]!;
        Assert.Equal("canceled", (string?)invitation["status"]);
    }

    [Fact]
    public async Task CancelAddParticipant_AfterForcedAccept_SendsCancelAddParticipantFailed()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", invitationBehavior = "ringForever" });
        var invitationId = await InviteAsync(ctx, callId, "invite:2");

        using var accept = await ctx.Admin.PostAsync($"emulator/invitations/{invitationId}/accept", null);
        var added = await ctx.App.Acs.WaitForAsync(e => e.Type == "AddParticipantSucceeded");
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && e.Data.ToJsonString().Contains(Agent, StringComparison.Ordinal));
        var cancel = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:cancelAddParticipant"),
            new { invitationId, operationContext = "cancel:2" });
        var failed = await ctx.App.Acs.WaitForAsync(e => e.Type == "CancelAddParticipantFailed");

        Assert.Equal(200, (int)accept.StatusCode);
        Assert.Equal("invite:2", (string?)added.Data["operationContext"]);
        Assert.Equal(Agent, (string?)added.Data["participant"]!["rawId"]);
        Assert.Null(added.Data["invitationId"]);
        Assert.Equal(202, cancel.Status);
        Assert.Equal(invitationId, (string?)failed.Data["invitationId"]);
        Assert.Equal(400, (int)failed.Data["resultInformation"]!["code"]!);
        Assert.DoesNotContain(ctx.App.Acs.Items, e => e.Type == "CancelAddParticipantSucceeded");
    }

    [Fact]
    public async Task AddParticipant_DeclineScenario_SendsAddParticipantFailed603()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", invitationBehavior = "decline", acceptAfterSeconds = 0.05 });

        await InviteAsync(ctx, callId, "invite:3");
        var failed = await ctx.App.Acs.WaitForAsync(e => e.Type == "AddParticipantFailed");

        Assert.Equal("invite:3", (string?)failed.Data["operationContext"]);
        Assert.Equal(603, (int)failed.Data["resultInformation"]!["code"]!);
    }

    [Fact]
    public async Task AddParticipant_RingUntilTimeout_SendsAddParticipantFailed408()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", invitationBehavior = "ringUntilTimeout" });

        await InviteAsync(ctx, callId, "invite:4", timeoutSeconds: 1);
        var failed = await ctx.App.Acs.WaitForAsync(e => e.Type == "AddParticipantFailed");

        Assert.Equal(408, (int)failed.Data["resultInformation"]!["code"]!);
    }

    [Fact]
    public async Task CancelAddParticipant_UnknownInvitation_Returns404()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var cancel = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:cancelAddParticipant"),
            new { invitationId = Guid.NewGuid().ToString() });

        Assert.Equal(404, cancel.Status);
        Assert.Equal("8522", (string?)cancel.Json["error"]!["code"]);
    }

    internal static async Task<string> InviteAsync(EmulatorTestContext ctx, string callId, string operationContext, int timeoutSeconds = 30,
        Action<HttpRequestMessage>? configure = null)
    {
        var add = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:add"),
            new { participantToAdd = RequestBodies.AcsUser(Agent), operationContext, invitationTimeoutInSeconds = timeoutSeconds }, configure);
        Assert.Equal(202, add.Status);
        Assert.Equal(operationContext, (string?)add.Json["operationContext"]);
        Assert.Equal(Agent, (string?)add.Json["participant"]!["identifier"]!["rawId"]);
        return (string)add.Json["invitationId"]!;
    }
}
