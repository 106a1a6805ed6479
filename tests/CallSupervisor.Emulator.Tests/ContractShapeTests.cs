using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

/// <summary>Every Call Automation event the emulator sends carries only what its 2024-09-15 contract definition lists.</summary>
public sealed class ContractShapeTests
{
    [Fact]
    public async Task Events_OfInvitationsMediaHoldAndTransfers_MatchTheirContractDefinitions()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await TransferTests.StartPhoneCallAsync(ctx);
        var supervisor = RequestBodies.AcsUser(TransferTests.Supervisor);

        var add = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:add"),
            new { participantToAdd = supervisor, operationContext = "add:supervisor" });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && TransferTests.Has(e, TransferTests.Supervisor));
        await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:add"), new
        {
            participantToAdd = RequestBodies.Phone(TransferTests.BusyNumber), sourceCallerIdNumber = new { value = "+14255550000" }, operationContext = "add:busy",
        });
        await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:cancelAddParticipant"),
            new { invitationId = (string)add.Json["invitationId"]!, operationContext = "cancel:late" });
        await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":play"), new
        {
            playSources = new[] { new { kind = "file", file = new { uri = "https://contoso.example/hold.wav" } } },
            playOptions = new { loop = true }, operationContext = "play:music",
        });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "PlayStarted");
        await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":cancelAllMediaOperations"), null);
        await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":transferToParticipant"), new
        {
            targetParticipant = RequestBodies.Phone(TransferTests.BusyNumber), transferee = supervisor, operationContext = "transfer:busy",
        });
        await ctx.App.Acs.WaitUntilAsync(events => new[] { "AddParticipantSucceeded", "AddParticipantFailed", "CancelAddParticipantFailed", "PlayCanceled", "CallTransferFailed" }
            .All(type => events.Any(e => e.Type == type)));

        Assert.All(ctx.App.Acs.Items, AcsContract.AssertEvent);
    }

    [Fact]
    public void AssertShape_PropertyTheDefinitionDoesNotList_Fails()
    {
        var holdFailed = new JsonObject { ["operationContext"] = "hold:1", ["participant"] = new JsonObject() };
        var nested = new JsonObject { ["resultInformation"] = new JsonObject { ["reason"] = "x" } };

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AcsContract.AssertShape("HoldFailed", holdFailed));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AcsContract.AssertShape("CallTransferFailed", nested));
    }
}
