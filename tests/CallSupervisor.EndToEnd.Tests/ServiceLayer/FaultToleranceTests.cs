using System.Text.Json;
using CallSupervisor.Client;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>
/// The app against a misbehaving ACS: duplicated and reordered callbacks must not corrupt state, and a transient
/// 503 is retried with the same repeatability id. Faults are injected through the emulator's admin API.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class FaultToleranceTests(ServiceFixture fixture)
{
    private Task SetFaultsAsync(object faults) => fixture.SetFaultsAsync(faults);

    private Task ClearFaultsAsync() => fixture.ClearFaultsAsync();

    private async Task<JsonElement> EmulatedCallAsync(string callId) =>
        (await fixture.EmulatorCallsAsync()).EnumerateArray().Single(c => c.GetProperty("callId").GetString() == callId);

    private async Task<(string CallId, string RawId)> CallWithAcsParticipantAsync(CallsHubClient hub)
    {
        var callId = await fixture.CreateCallAsync(new
        {
            platform = "acs",
            participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
            invitationBehavior = "ringForever",
        });
        var call = await hub.ExpectCallAsync(callId, c => c.State == "Connected" && c.AcsUser() is not null, "a connected call with an ACS participant");
        return (callId, call.AcsUser()!.Identifier.RawId);
    }

    [Fact]
    public async Task DuplicatedAndReorderedCallbacks_EndInTheSameStateAsTheFarSide()
    {
        await using var hub = await fixture.ConnectHubAsync();
        await SetFaultsAsync(new { duplicateCallbacks = true, reorderBatchSize = 3, reorderHoldWindowMs = 300 });
        string callId;
        try
        {
            callId = await fixture.CreateCallAsync(new
            {
                platform = "acs",
                caller = new { kind = "phoneNumber", value = "+14255550601" },
                participants = new object[]
                {
                    new { kind = "communicationUser", joinAfterSeconds = 0 },
                    new { kind = "microsoftTeamsUser", joinAfterSeconds = 0 },
                },
                invitationBehavior = "acceptAfter",
                acceptAfterSeconds = 1,
                mediaDurationSeconds = 2,
            });

            // Wait until the far side has settled: agent accepted, the menu answered, the hold music stopped for the agent.
            var call = await hub.ExpectCallAsync(
                callId,
                c => c.Invitations.Any(i => i.Status == "Accepted")
                    && c.MediaOperations.Any(m => m.Kind == "Recognize" && m.Status == "Completed")
                    && !c.MediaOperations.Any(m => m.Status is "Running"),
                "accepted invitation, the menu answered and no media running",
                TimeSpan.FromSeconds(30));

            var far = await EmulatedCallAsync(callId);
            var expected = far.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("identifier").GetProperty("rawId").GetString()).Order().ToList();
            call = await hub.ExpectCallAsync(
                callId,
                c => c.Participants.Select(p => p.Identifier.RawId).Order().SequenceEqual(expected),
                "roster equal to the emulator's");
            Assert.Single(call.Invitations);
        }
        finally
        {
            await ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task Mute_Transient503_IsRetriedAndSucceeds()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var (callId, rawId) = await CallWithAcsParticipantAsync(hub);
        await SetFaultsAsync(new { failNextRequests = 1, failOperation = "mute", failStatusCode = 503 });
        try
        {
            var result = await hub.MuteAsync(callId, rawId);

            Assert.Equal("Accepted", result.Status);
            await hub.ExpectCallAsync(callId, c => c.Participants.Any(p => p.Identifier.RawId == rawId && p.IsMuted), "participant muted");
        }
        finally
        {
            await ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task Mute_PermanentError_ReachesTheSupervisorWithCodeAndMessage()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var (callId, rawId) = await CallWithAcsParticipantAsync(hub);
        await SetFaultsAsync(new { failNextRequests = 1, failOperation = "mute", failStatusCode = 403, failErrorCode = "Forbidden", failErrorMessage = "Not allowed to mute" });
        try
        {
            var result = await hub.MuteAsync(callId, rawId);

            Assert.Equal("Failed", result.Status);
            Assert.Equal("Forbidden", result.ErrorCode);
            Assert.Equal("Not allowed to mute", result.ErrorMessage);
            // Nothing left pending: a new attempt is allowed.
            await hub.ExpectCallAsync(callId, c => c.Participants.Any(p => p.Identifier.RawId == rawId) && !c.IsPending("Mute", rawId), "mute no longer pending");
        }
        finally
        {
            await ClearFaultsAsync();
        }
    }
}
