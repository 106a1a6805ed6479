using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

/// <summary>
/// :transferToParticipant over HTTP: 202 with TransferCallResponse; the target rings and CallTransferAccepted (the
/// transferee replaced by the target in the roster) or CallTransferFailed follows. The app stays in the call.
/// </summary>
public sealed class TransferTests
{
    internal const string CallerNumber = "+14255550123";
    internal const string Caller = "4:" + CallerNumber;
    internal const string Supervisor = "8:acs:emulator_supervisor-sam";
    internal const string BusyNumber = "+14255550199";
    private const string Coach = "8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_0000000a-coach";
    private const string Colleague = "8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_0000000c-colleague";

    [Fact]
    public async Task TransferToParticipant_SupervisorTarget_Returns202ThenAcceptedAndRosterSwapsTransfereeForTarget()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await StartPhoneCallAsync(ctx);
        var mark = ctx.App.Acs.Items.Count;

        var transfer = await TransferAsync(ctx, callId, RequestBodies.AcsUser(Supervisor), "transfer:1");
        var roster = await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && Has(e, Supervisor));

        Assert.Equal(202, transfer.Status);
        Assert.Equal("transfer:1", (string?)transfer.Json["operationContext"]);
        AcsContract.AssertShape("TransferCallResponse", transfer.Json);
        Assert.Equal(["CallTransferAccepted", "ParticipantsUpdated"], ctx.App.Acs.Items.Skip(mark).Select(e => e.Type));
        var accepted = ctx.App.Acs.Items.Single(e => e.Type == "CallTransferAccepted");
        Assert.Equal("transfer:1", (string?)accepted.Data["operationContext"]);
        Assert.Equal(Supervisor, (string?)accepted.Data["transferTarget"]!["rawId"]);
        Assert.Equal(Caller, (string?)accepted.Data["transferee"]!["rawId"]);
        Assert.Equal(200, (int)accepted.Data["resultInformation"]!["code"]!);
        AcsContract.AssertEvent(accepted);
        Assert.False(Has(roster, Caller));
        Assert.Equal("connected", (string?)(await ctx.CallStateAsync(callId))["state"]);
    }

    [Fact]
    public async Task TransferToParticipant_PhoneTarget_Accepted()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await StartPhoneCallAsync(ctx);

        var transfer = await TransferAsync(ctx, callId, RequestBodies.Phone("+14255550100"), "transfer:phone");
        var accepted = await ctx.App.Acs.WaitForAsync(e => e.Type == "CallTransferAccepted");
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && Has(e, "4:+14255550100") && !Has(e, Caller));

        Assert.Equal(202, transfer.Status);
        Assert.Equal("4:+14255550100", (string?)accepted.Data["transferTarget"]!["rawId"]);
    }

    [Fact]
    public async Task TransferToParticipant_BusyNumber_SendsCallTransferFailed486AndCallStaysUp()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await StartPhoneCallAsync(ctx);
        var mark = ctx.App.Acs.Items.Count;

        var transfer = await TransferAsync(ctx, callId, RequestBodies.Phone(BusyNumber), "transfer:busy");
        var failed = await ctx.App.Acs.WaitForAsync(e => e.Type == "CallTransferFailed");

        Assert.Equal(202, transfer.Status);
        Assert.Equal(["CallTransferFailed"], ctx.App.Acs.Items.Skip(mark).Select(e => e.Type));
        Assert.Equal("transfer:busy", (string?)failed.Data["operationContext"]);
        Assert.Equal(486, (int)failed.Data["resultInformation"]!["code"]!);
        Assert.Contains("busy", (string?)failed.Data["resultInformation"]!["message"], StringComparison.OrdinalIgnoreCase);
        AcsContract.AssertEvent(failed);
        var state = await ctx.CallStateAsync(callId);
        Assert.Equal("connected", (string?)state["state"]);
        Assert.Contains(state["participants"]!.AsArray(), p => (string?)p!["identifier"]!["rawId"] == Caller);
    }

    [Fact]
    public async Task TransferToParticipant_TargetDeclines_SendsCallTransferFailed603()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await StartPhoneCallAsync(ctx, invitationBehavior: "decline");

        await TransferAsync(ctx, callId, RequestBodies.AcsUser(Colleague), "transfer:declined");
        var failed = await ctx.App.Acs.WaitForAsync(e => e.Type == "CallTransferFailed");

        Assert.Equal("transfer:declined", (string?)failed.Data["operationContext"]);
        Assert.Equal(603, (int)failed.Data["resultInformation"]!["code"]!);
        Assert.Contains("declined", (string?)failed.Data["resultInformation"]!["message"], StringComparison.Ordinal);
        Assert.Equal("connected", (string?)(await ctx.CallStateAsync(callId))["state"]);
    }

    [Fact]
    public async Task TransferToParticipant_TransfereeLeavesWhileTargetRings_SendsCallTransferFailed()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartCallAsync(new
        {
            platform = "acs", invitationBehavior = "ringForever",
            caller = new { kind = "phoneNumber", value = CallerNumber },
            participants = new[] { new { kind = "communicationUser", value = Coach } },
        });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && Has(e, Coach));

        var transfer = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":transferToParticipant"), new
        {
            targetParticipant = RequestBodies.AcsUser(Colleague), transferee = RequestBodies.AcsUser(Coach), operationContext = "transfer:left",
        });
        Assert.Equal(202, transfer.Status);
        var remove = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:remove"),
            new { participantToRemove = RequestBodies.AcsUser(Coach), operationContext = "remove:transferee" });
        var failed = await ctx.App.Acs.WaitForAsync(e => e.Type == "CallTransferFailed");

        Assert.Equal(202, remove.Status);
        Assert.Equal("transfer:left", (string?)failed.Data["operationContext"]);
        Assert.Contains("transferee", (string?)failed.Data["resultInformation"]!["message"], StringComparison.Ordinal);
        var types = ctx.App.Acs.Items.Select(e => e.Type).ToList();
        Assert.True(types.IndexOf("RemoveParticipantSucceeded") < types.IndexOf("CallTransferFailed"), string.Join(", ", types));
        Assert.DoesNotContain("CallTransferAccepted", types);
        Assert.Equal("connected", (string?)(await ctx.CallStateAsync(callId))["state"]);
    }

    [Fact]
    public async Task ForceAccept_RingingTransfer_TargetAnswersNow()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await StartPhoneCallAsync(ctx, invitationBehavior: "ringForever");
        Assert.Equal(202, (await TransferAsync(ctx, callId, RequestBodies.AcsUser(Colleague), "transfer:forced")).Status);
        var transferId = (string)(await ctx.CallStateAsync(callId))["transfers"]![0]!["transferId"]!;

        using var accept = await ctx.Admin.PostAsync($"emulator/invitations/{transferId}/accept", null);
        var accepted = await ctx.App.Acs.WaitForAsync(e => e.Type == "CallTransferAccepted");
        using var again = await ctx.Admin.PostAsync($"emulator/invitations/{transferId}/accept", null);

        Assert.Equal(200, (int)accept.StatusCode);
        Assert.Equal("transfer:forced", (string?)accepted.Data["operationContext"]);
        Assert.Equal(409, (int)again.StatusCode);
        Assert.Equal("accepted", (string?)(await ctx.CallStateAsync(callId))["transfers"]![0]!["status"]);
    }

    [Fact]
    public async Task TransferToParticipant_TransfereeNotInCall_Returns404WithErrorBody()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await StartPhoneCallAsync(ctx);

        var transfer = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":transferToParticipant"), new
        {
            targetParticipant = RequestBodies.AcsUser(Supervisor), transferee = RequestBodies.AcsUser(Coach), operationContext = "transfer:x",
        });

        Assert.Equal(404, transfer.Status);
        Assert.Equal("8522", (string?)transfer.Json["error"]!["code"]);
        Assert.Contains(Coach, (string?)transfer.Json["error"]!["message"], StringComparison.Ordinal);
        Assert.Empty((await ctx.CallStateAsync(callId))["transfers"]!.AsArray());
    }

    [Fact]
    public async Task TransferToParticipant_NoTarget_Returns400()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await StartPhoneCallAsync(ctx);

        var transfer = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":transferToParticipant"),
            new { transferee = RequestBodies.Phone(CallerNumber), operationContext = "transfer:none" });

        Assert.Equal(400, transfer.Status);
        Assert.Contains("targetParticipant", (string?)transfer.Json["error"]!["message"], StringComparison.Ordinal);
    }

    internal static Task<AcsResponse> TransferAsync(EmulatorTestContext ctx, string callId, object target, string operationContext,
        Action<HttpRequestMessage>? configure = null) =>
        ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":transferToParticipant"), new
        {
            targetParticipant = target,
            transferee = RequestBodies.Phone(CallerNumber),
            sourceCallerIdNumber = new { value = "+14255550000" },
            operationContext,
        }, configure);

    /// <summary>A connected call whose caller is <see cref="CallerNumber"/>.</summary>
    internal static Task<string> StartPhoneCallAsync(EmulatorTestContext ctx, string invitationBehavior = "random") =>
        ctx.StartConnectedCallAsync(new { platform = "acs", invitationBehavior, acceptAfterSeconds = 0.05, caller = new { kind = "phoneNumber", value = CallerNumber } });

    internal static bool Has(ReceivedCloudEvent roster, string rawId) =>
        roster.Data["participants"]!.AsArray().Any(p => (string?)p!["identifier"]!["rawId"] == rawId);
}
