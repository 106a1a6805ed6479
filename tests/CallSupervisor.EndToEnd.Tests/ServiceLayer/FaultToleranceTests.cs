using System.Text.Json;

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

    private async Task<(string CallId, string RawId)> CallWithAcsParticipantAsync(HubClient hub)
    {
        var callId = await fixture.CreateCallAsync(new
        {
            platform = "acs",
            participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
            invitationBehavior = "ringForever",
        });
        static IEnumerable<JsonElement> AcsUsers(JsonElement call) =>
            call.GetProperty("participants").EnumerateArray().Where(p => p.GetProperty("identifier").GetProperty("kind").GetString() == "CommunicationUser");
        var call = await hub.WaitForCallAsync(callId, c => AcsUsers(c).Any(), "an ACS participant");
        return (callId, AcsUsers(call).First().GetProperty("identifier").GetProperty("rawId").GetString()!);
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

            // Wait until the far side has settled: agent accepted, media done.
            var call = await hub.WaitForCallAsync(
                callId,
                c => c.GetProperty("invitations").EnumerateArray().Any(i => i.GetProperty("status").GetString() == "Accepted")
                    && c.GetProperty("mediaOperations").EnumerateArray().Any()
                    && c.GetProperty("mediaOperations").EnumerateArray().All(m => m.GetProperty("status").GetString() == "Completed"),
                "accepted invitation and completed media",
                TimeSpan.FromSeconds(30));

            var far = await EmulatedCallAsync(callId);
            var expected = far.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("identifier").GetProperty("rawId").GetString()).Order().ToList();
            call = await hub.WaitForCallAsync(
                callId,
                c => c.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("identifier").GetProperty("rawId").GetString()).Order().SequenceEqual(expected),
                "roster equal to the emulator's");
            Assert.Single(call.GetProperty("invitations").EnumerateArray());
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
            var result = await hub.InvokeAsync("Mute", callId, rawId);

            Assert.Equal("Accepted", result.GetProperty("status").GetString());
            await hub.WaitForCallAsync(callId, c => c.GetProperty("participants").EnumerateArray().Any(p => p.GetProperty("identifier").GetProperty("rawId").GetString() == rawId && p.GetProperty("isMuted").GetBoolean()), "participant muted");
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
            var result = await hub.InvokeAsync("Mute", callId, rawId);

            Assert.Equal("Failed", result.GetProperty("status").GetString());
            Assert.Equal("Forbidden", result.GetProperty("errorCode").GetString());
            Assert.Equal("Not allowed to mute", result.GetProperty("errorMessage").GetString());
            // Nothing left pending: a new attempt is allowed.
            await hub.WaitForCallAsync(callId, c => c.GetProperty("participants").EnumerateArray().Any(p => p.GetProperty("identifier").GetProperty("rawId").GetString() == rawId && !p.GetProperty("isMutePending").GetBoolean()), "mute no longer pending");
        }
        finally
        {
            await ClearFaultsAsync();
        }
    }
}
