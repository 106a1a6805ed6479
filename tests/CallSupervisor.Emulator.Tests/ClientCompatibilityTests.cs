using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Emulator.Tests.Infrastructure;
using CallSupervisor.Telephony;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Emulator.Tests;

/// <summary>
/// The app's own ACS client (as the app registers it) against the emulator: the requests it builds for the supervisor
/// actions are the ones the emulator serves, and its errors come back readable.
/// </summary>
public sealed class ClientCompatibilityTests
{
    private const string Coach = "8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_0000000a-coach";

    [Fact]
    public async Task Port_HoldUnholdTransferRemoveTerminate_EachAcceptedWithItsEvents()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        await using var provider = Port(ctx);
        var port = provider.GetRequiredService<ICallAutomationPort>();
        var callId = await ctx.StartCallAsync(new
        {
            platform = "acs", caller = new { kind = "phoneNumber", value = TransferTests.CallerNumber },
            participants = new[] { new { kind = "communicationUser", value = Coach } },
        });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && TransferTests.Has(e, Coach));
        var call = new CallId(callId);
        var coach = CommunicationIdentifier.AcsUser(Coach);
        var supervisor = CommunicationIdentifier.AcsUser(TransferTests.Supervisor);

        Assert.True((await port.HoldAsync(call, coach, new Uri("https://contoso.test/hold.wav"), "hold:c", default)).IsSuccess);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && HoldTests.IsOnHold(e, Coach) == true);
        Assert.True((await port.UnholdAsync(call, coach, "unhold:c", default)).IsSuccess);
        await ctx.App.Acs.WaitUntilAsync(events => events.Last(e => e.Type == "ParticipantsUpdated") is var last && HoldTests.IsOnHold(last, Coach) == false);
        Assert.True((await port.TransferToParticipantAsync(call, supervisor, coach, "transfer:c", Repeatability.For("transfer:c", DateTimeOffset.UtcNow), default)).IsSuccess);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "CallTransferAccepted" && (string?)e.Data["operationContext"] == "transfer:c");
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && TransferTests.Has(e, TransferTests.Supervisor));
        Assert.True((await port.RemoveParticipantAsync(call, supervisor, "remove:c", Repeatability.For("remove:c", DateTimeOffset.UtcNow), default)).IsSuccess);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "RemoveParticipantSucceeded" && (string?)e.Data["operationContext"] == "remove:c");
        Assert.True((await port.TerminateAsync(call, Repeatability.For("terminate:c", DateTimeOffset.UtcNow), default)).IsSuccess);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected");
        Assert.All(ctx.App.Acs.Items, AcsContract.AssertEvent);
    }

    [Fact]
    public async Task Port_HoldOfSomeoneNotInTheCall_FailsWithTheEmulatorsReadableError()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        await using var provider = Port(ctx);
        var port = provider.GetRequiredService<ICallAutomationPort>();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var hold = await port.HoldAsync(new CallId(callId), CommunicationIdentifier.AcsUser(Coach), null, "hold:gone", default);

        Assert.False(hold.IsSuccess);
        Assert.Equal((404, "8522"), (hold.Error!.HttpStatus, hold.Error.Code));
        Assert.Contains(Coach, hold.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port_StartPauseResumeStopRecording_EachAcceptedWithItsEvents()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        await using var provider = Port(ctx);
        var port = provider.GetRequiredService<ICallAutomationPort>();
        var (_, serverCallId) = await RecordingTests.StartCallAsync(ctx);
        var repeatability = Repeatability.For("record:c", DateTimeOffset.UtcNow);

        var start = await port.StartRecordingAsync(serverCallId, repeatability, default);
        var replayed = await port.StartRecordingAsync(serverCallId, repeatability, default);
        await ctx.App.Acs.WaitUntilAsync(events => RecordingTests.States(events).SequenceEqual(["active"]));
        Assert.True(start.IsSuccess, start.Error?.Message);
        Assert.Equal(start.Value, replayed.Value);
        Assert.True((await port.PauseRecordingAsync(start.Value!, default)).IsSuccess);
        await ctx.App.Acs.WaitUntilAsync(events => RecordingTests.States(events).SequenceEqual(["active", "inactive"]));
        Assert.True((await port.ResumeRecordingAsync(start.Value!, default)).IsSuccess);
        await ctx.App.Acs.WaitUntilAsync(events => RecordingTests.States(events).SequenceEqual(["active", "inactive", "active"]));
        Assert.True((await port.StopRecordingAsync(start.Value!, default)).IsSuccess);
        await ctx.App.Acs.WaitUntilAsync(events => RecordingTests.States(events).SequenceEqual(["active", "inactive", "active", "inactive"]));
        Assert.All(ctx.App.Acs.Items, AcsContract.AssertEvent);
    }

    [Fact]
    public async Task Port_RecordingOfAStoppedRecordingOrSecondStart_FailsWithTheEmulatorsReadableError()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        await using var provider = Port(ctx);
        var port = provider.GetRequiredService<ICallAutomationPort>();
        var (_, serverCallId) = await RecordingTests.StartCallAsync(ctx);
        var start = await port.StartRecordingAsync(serverCallId, null, default);

        var second = await port.StartRecordingAsync(serverCallId, null, default);
        Assert.True((await port.StopRecordingAsync(start.Value!, default)).IsSuccess);
        var pause = await port.PauseRecordingAsync(start.Value!, default);

        Assert.False(second.IsSuccess);
        Assert.Equal(400, second.Error!.HttpStatus);
        Assert.Contains("already being recorded", second.Error.Message, StringComparison.Ordinal);
        Assert.False(pause.IsSuccess);
        Assert.Equal((404, "8522"), (pause.Error!.HttpStatus, pause.Error.Code));
        Assert.Contains(start.Value!, pause.Error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Port(EmulatorTestContext ctx)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Acs:ConnectionString"] = ctx.Emulator.ConnectionString,
            ["Acs:CallbackBaseUrl"] = ctx.App.BaseAddress.ToString(),
            ["Acs:CallbackAuth:Audience"] = ctx.Emulator.ResourceId,
            ["Acs:CallbackAuth:MetadataAddress"] = ctx.Emulator.OpenIdMetadataAddress.ToString(),
            ["Acs:CallbackAuth:RequireHttpsMetadata"] = "false",
            ["Graph:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTelephony(configuration);
        return services.BuildServiceProvider();
    }
}
