using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

public sealed class ParticipantTests
{
    private const string Coach = "8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_0000000a-coach";

    [Fact]
    public async Task Mute_AcsUserInCall_Returns200ThenParticipantsUpdatedMuted()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartCallAsync(new { platform = "acs", participants = new[] { new { kind = "communicationUser", value = Coach } } });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && e.Data["participants"]!.AsArray().Count == 2);

        var response = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:mute"),
            new { targetParticipants = new[] { RequestBodies.AcsUser(Coach) }, operationContext = "mute:1" });
        var muted = await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && CoachOf(e)?["isMuted"]?.GetValue<bool>() == true);

        Assert.Equal(200, response.Status);
        Assert.Equal("mute:1", (string?)response.Json["operationContext"]);
        Assert.Equal(3, (int)muted.Data["sequenceNumber"]!);
        Assert.DoesNotContain(ctx.App.Acs.Items, e => e.Type.Contains("Mute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mute_PhoneParticipant_Returns400WithErrorBody()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", caller = new { kind = "phoneNumber", value = "+14255550123" } });

        var response = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:mute"),
            new { targetParticipants = new[] { RequestBodies.Phone("+14255550123") } });

        Assert.Equal(400, response.Status);
        Assert.Equal("8523", (string?)response.Json["error"]!["code"]);
        Assert.Contains("communicationUser", (string?)response.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mute_AcsUserNotInCall_Returns404()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var response = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:mute"),
            new { targetParticipants = new[] { RequestBodies.AcsUser(Coach) } });

        Assert.Equal(404, response.Status);
        Assert.Equal("8522", (string?)response.Json["error"]!["code"]);
    }

    [Fact]
    public async Task Mute_UnknownCall_Returns404()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        var response = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(Guid.NewGuid().ToString(), "/participants:mute"),
            new { targetParticipants = new[] { RequestBodies.AcsUser(Coach) } });

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task RemoveParticipant_InCall_Returns202ThenRemovedAndRosterUpdated()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartCallAsync(new { platform = "acs", participants = new[] { new { kind = "communicationUser", value = Coach } } });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && e.Data["participants"]!.AsArray().Count == 2);

        var get = await ctx.Client.GetAsync($"calling/callConnections/{callId}/participants/{Uri.EscapeDataString(Coach)}?{AcsTestClient.ApiVersion}");
        var remove = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:remove"),
            new { participantToRemove = RequestBodies.AcsUser(Coach), operationContext = "remove:1" });
        var removed = await ctx.App.Acs.WaitForAsync(e => e.Type == "RemoveParticipantSucceeded");
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && e.Data["participants"]!.AsArray().Count == 1);

        Assert.Equal(200, get.Status);
        Assert.False((bool)get.Json["isMuted"]!);
        Assert.Equal(202, remove.Status);
        Assert.Equal("remove:1", (string?)removed.Data["operationContext"]);
    }

    [Fact]
    public async Task Terminate_ConnectedCall_Returns204AndCallDisconnected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var terminate = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":terminate"), null);

        Assert.Equal(204, terminate.Status);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected" && e.CallConnectionId == callId);
    }

    [Fact]
    public async Task RemoveParticipant_LastParticipantOtherThanApp_SucceededThenRosterThenCallDisconnected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await TransferTests.StartPhoneCallAsync(ctx);
        var mark = ctx.App.Acs.Items.Count;

        var remove = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:remove"),
            new { participantToRemove = RequestBodies.Phone(TransferTests.CallerNumber), operationContext = "remove:last" });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected");
        var get = await ctx.Client.GetAsync(EmulatorTestContext.CallPath(callId));

        Assert.Equal(202, remove.Status);
        var events = ctx.App.Acs.Items.Skip(mark).ToList();
        Assert.Equal(["RemoveParticipantSucceeded", "ParticipantsUpdated", "CallDisconnected"], events.Select(e => e.Type));
        Assert.Equal("remove:last", (string?)events[0].Data["operationContext"]);
        Assert.Equal(TransferTests.Caller, (string?)events[0].Data["participant"]!["rawId"]);
        Assert.Empty(events[1].Data["participants"]!.AsArray());
        events.ForEach(AcsContract.AssertEvent);
        Assert.Equal(404, get.Status);
    }

    [Fact]
    public async Task RemoveParticipant_NotInCall_Returns404AndNoEvent()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var remove = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:remove"),
            new { participantToRemove = RequestBodies.AcsUser(Coach), operationContext = "remove:x" });

        Assert.Equal(404, remove.Status);
        Assert.Equal("8522", (string?)remove.Json["error"]!["code"]);
        Assert.Contains(Coach, (string?)remove.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_CallWithSeveralParticipants_CallDisconnectedForEveryone()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartCallAsync(new { platform = "acs", participants = new[] { new { kind = "communicationUser", value = Coach } } });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && e.Data["participants"]!.AsArray().Count == 2);
        var mark = ctx.App.Acs.Items.Count;

        var terminate = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":terminate"), null);
        var disconnected = await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected");

        Assert.Equal(204, terminate.Status);
        Assert.Equal(["CallDisconnected"], ctx.App.Acs.Items.Skip(mark).Select(e => e.Type));
        AcsContract.AssertEvent(disconnected);
        Assert.Equal("disconnected", (string?)(await ctx.CallStateAsync(callId))["state"]);
    }

    [Fact]
    public async Task Terminate_EndedCall_Returns404()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });
        Assert.Equal(204, (await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":terminate"), null)).Status);

        var again = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":terminate"), null);

        Assert.Equal(404, again.Status);
        Assert.Equal("8522", (string?)again.Json["error"]!["code"]);
    }

    [Fact]
    public async Task AddParticipant_SupervisorEndpoint_AcceptedEvenWhenInviteesDeclineAndCanBeMuted()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", invitationBehavior = "decline", acceptAfterSeconds = 0.05 });

        var add = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:add"),
            new { participantToAdd = RequestBodies.AcsUser(TransferTests.Supervisor), operationContext = "listen:1", invitationTimeoutInSeconds = 30 });
        var added = await ctx.App.Acs.WaitForAsync(e => e.Type == "AddParticipantSucceeded");
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && TransferTests.Has(e, TransferTests.Supervisor));
        var mute = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:mute"),
            new { targetParticipants = new[] { RequestBodies.AcsUser(TransferTests.Supervisor) }, operationContext = "listen:mute" });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && e.Data["participants"]!.AsArray()
            .Any(p => (string?)p!["identifier"]!["rawId"] == TransferTests.Supervisor && (bool)p["isMuted"]!));

        Assert.Equal(202, add.Status);
        Assert.Equal("listen:1", (string?)added.Data["operationContext"]);
        Assert.Equal(200, mute.Status);
        Assert.DoesNotContain(ctx.App.Acs.Items, e => e.Type == "AddParticipantFailed");
    }

    private static JsonNode? CoachOf(ReceivedCloudEvent e) =>
        e.Data["participants"]!.AsArray().FirstOrDefault(p => (string?)p!["identifier"]!["rawId"] == Coach);
}
