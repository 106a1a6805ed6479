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
