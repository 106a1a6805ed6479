using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

public sealed class RepeatabilityTests
{
    [Fact]
    public async Task AddParticipant_SameRequestIdTwice_ReturnsFirstResultAndInvitesOnce()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", invitationBehavior = "ringForever" });
        var requestId = Guid.NewGuid().ToString();
        var firstSent = DateTimeOffset.UtcNow.ToString("R");
        void Headers(HttpRequestMessage r)
        {
            r.Headers.Add("Repeatability-Request-ID", requestId);
            r.Headers.Add("Repeatability-First-Sent", firstSent);
        }

        var first = await InvitationTests.InviteAsync(ctx, callId, "invite:r", configure: Headers);
        var second = await InvitationTests.InviteAsync(ctx, callId, "invite:r", configure: Headers);

        Assert.Equal(first, second);
        Assert.Single((await ctx.CallStateAsync(callId))["invitations"]!.AsArray());
    }

    [Fact]
    public async Task TransferToParticipant_SameRequestIdTwice_TransfersOnce()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await TransferTests.StartPhoneCallAsync(ctx);
        var headers = Repeatable();

        var first = await TransferTests.TransferAsync(ctx, callId, RequestBodies.AcsUser(TransferTests.Supervisor), "transfer:r", headers);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && TransferTests.Has(e, TransferTests.Supervisor));
        // Run again, the transfer would now be refused: its transferee has left the call.
        var second = await TransferTests.TransferAsync(ctx, callId, RequestBodies.AcsUser(TransferTests.Supervisor), "transfer:r", headers);

        Assert.Equal((202, first.Body), (second.Status, second.Body));
        Assert.Equal("accepted", second.Headers["Repeatability-Result"]);
        Assert.Single((await ctx.CallStateAsync(callId))["transfers"]!.AsArray());
        Assert.Single(ctx.App.Acs.Items, e => e.Type == "CallTransferAccepted");
    }

    [Fact]
    public async Task RemoveParticipant_SameRequestIdTwice_RemovesOnce()
    {
        const string coach = "8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_0000000a-coach";
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartCallAsync(new { platform = "acs", participants = new[] { new { kind = "communicationUser", value = coach } } });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && e.Data["participants"]!.AsArray().Count == 2);
        var headers = Repeatable();
        var body = new { participantToRemove = RequestBodies.AcsUser(coach), operationContext = "remove:r" };

        var first = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:remove"), body, headers);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "RemoveParticipantSucceeded");
        // Run again, the removal would now be refused (404): the coach has left.
        var second = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:remove"), body, headers);

        Assert.Equal((202, first.Body), (second.Status, second.Body));
        Assert.Single(ctx.App.Acs.Items, e => e.Type.StartsWith("RemoveParticipant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Terminate_SameRequestIdTwice_TerminatesOnceAndReplays204()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });
        var headers = Repeatable();

        var first = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":terminate"), null, headers);
        await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected");
        // Run again, a terminate of the ended call would answer 404.
        var second = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, ":terminate"), null, headers);

        Assert.Equal((204, 204), (first.Status, second.Status));
        Assert.Single(ctx.App.Acs.Items, e => e.Type == "CallDisconnected");
    }

    private static Action<HttpRequestMessage> Repeatable()
    {
        var requestId = Guid.NewGuid().ToString();
        var firstSent = DateTimeOffset.UtcNow.ToString("R");
        return r =>
        {
            r.Headers.Add("Repeatability-Request-ID", requestId);
            r.Headers.Add("Repeatability-First-Sent", firstSent);
        };
    }

    [Fact]
    public async Task Mute_RequestIdNotGuid_Returns400()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var response = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:mute"),
            new { targetParticipants = new[] { RequestBodies.AcsUser("8:acs:x_y") } },
            r =>
            {
                r.Headers.Add("Repeatability-Request-ID", "not-a-guid");
                r.Headers.Add("Repeatability-First-Sent", DateTimeOffset.UtcNow.ToString("R"));
            });

        Assert.Equal(400, response.Status);
        Assert.Contains("Repeatability-Request-ID", (string?)response.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mute_FirstSentNotRfc1123_Returns400()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var response = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:mute"),
            new { targetParticipants = new[] { RequestBodies.AcsUser("8:acs:x_y") } },
            r =>
            {
                r.Headers.Add("Repeatability-Request-ID", Guid.NewGuid().ToString());
                r.Headers.Add("Repeatability-First-Sent", "2026-01-01T10:00:00Z");
            });

        Assert.Equal(400, response.Status);
        Assert.Contains("Repeatability-First-Sent", (string?)response.Json["error"]!["message"], StringComparison.Ordinal);
    }
}
