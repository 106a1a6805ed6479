using System.Net.Http.Json;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>
/// Real app + embedded emulator over HTTP, no UI: each supervisor action is invoked through the calls hub and
/// its confirmed effect (from the emulator's callbacks) must arrive through the same SignalR connection.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class SupervisorActionsOverHubTests(ServiceFixture fixture)
{
    private static readonly object AcsScenario = new
    {
        platform = "acs",
        caller = new { kind = "phoneNumber", value = "+14255550101" },
        participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
        invitationBehavior = "ringForever",
        mediaDurationSeconds = 600,
    };

    [Fact]
    public async Task Snapshot_OnConnect_ThenLiveChanges()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);

        var call = await hub.ExpectCallAsync(callId, c => c.State == "Connected", "connected call");

        Assert.Equal(1, hub.Board.SnapshotsApplied);
        Assert.Equal("+14255550101", call.Caller?.Value);
    }

    [Fact]
    public async Task Mute_AcsParticipant_ConfirmedByParticipantsUpdated()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);
        var call = await hub.ExpectCallAsync(callId, c => c.State == "Connected" && c.AcsUser() is not null, "a connected call with an ACS participant");
        var rawId = call.AcsUser()!.Identifier.RawId;

        var result = await hub.MuteAsync(callId, rawId);

        Assert.Equal("Accepted", result.Status);
        await hub.ExpectCallAsync(callId, c => c.Participant(rawId) is { IsMuted: true }, "participant muted");
        // A second mute of a muted participant is refused before any request, with a reason.
        var again = await hub.MuteAsync(callId, rawId);
        Assert.Equal("Refused", again.Status);
    }

    [Fact]
    public async Task Mute_PhoneParticipant_RefusedWithReason()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);
        // Connected too: a roster can reach the board before CallConnected, and a mute is then refused for the call's
        // state instead of for the participant's kind.
        var call = await hub.ExpectCallAsync(callId, c => c.State == "Connected" && c.Participants.Any(p => p.Identifier.Kind == "PhoneNumber"), "the phone caller");
        var phone = call.Participants.First(p => p.Identifier.Kind == "PhoneNumber").Identifier.RawId;

        var result = await hub.MuteAsync(callId, phone);

        Assert.Equal("Refused", result.Status);
        Assert.Contains("ACS", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelInvitation_Ringing_EndsCancelled()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);
        var call = await hub.ExpectCallAsync(callId, c => c.Invitations.Any(i => i.Status == "Pending"), "a pending invitation");
        var invitationId = call.Invitations.First(i => i.Status == "Pending").InvitationId;

        var result = await hub.CancelInvitationAsync(callId, invitationId);

        Assert.Equal("Accepted", result.Status);
        await hub.ExpectCallAsync(callId, c => c.Invitations.Any(i => i.InvitationId == invitationId && i.Status == "Cancelled"), "invitation cancelled");
    }

    [Fact]
    public async Task CancelInvitation_AcceptedFirst_EndsAcceptedWithLostRace()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);
        var call = await hub.ExpectCallAsync(callId, c => c.Invitations.Any(i => i.Status == "Pending"), "a pending invitation");
        var invitationId = call.Invitations.First(i => i.Status == "Pending").InvitationId;

        // Hold REST responses so the cancel is still in flight when the invitee picks up on the far side.
        using (await fixture.Emulator.PostAsJsonAsync("emulator/faults", new { restLatencyMs = 1500 }))
        {
        }
        try
        {
            var cancel = hub.CancelInvitationAsync(callId, invitationId);
            await hub.ExpectCallAsync(callId, c => c.IsPending("CancelInvitation", invitationId), "invitation cancelling");
            using var accept = await fixture.Emulator.PostAsync($"emulator/invitations/{invitationId}/accept", null);
            Assert.True(accept.IsSuccessStatusCode, await accept.Content.ReadAsStringAsync());
            await cancel;
        }
        finally
        {
            using (await fixture.Emulator.DeleteAsync("emulator/faults"))
            {
            }
        }

        // The participant really joined: the invitation ends accepted and says the cancel lost the race.
        var final = await hub.ExpectCallAsync(
            callId,
            c => c.Invitations.Any(i => i.InvitationId == invitationId && i.Status == "Accepted" && i.CancelLostRace),
            "invitation accepted with lost race");
        Assert.Contains(final.Participants, p => p.Identifier.Kind != "PhoneNumber");
    }

    [Fact]
    public async Task CancelMedia_AcsCall_AllMediaEndCancelled()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);
        // The invitation is the workflow's last request: once it is pending, every media request has been made.
        await hub.ExpectCallAsync(callId, c => c.MediaOperations.Any(m => m.Status == "Running") && c.Invitations.Any(i => i.Status == "Pending"), "running media");

        var result = await hub.CancelMediaAsync(callId);

        Assert.Equal("Accepted", result.Status);
        // The menu ended when the caller pressed a key; the hold music (looped) was running and is cancelled.
        await hub.ExpectCallAsync(callId, c => c.MediaOperations.Any(m => m.Status == "Cancelled") && !c.MediaOperations.Any(m => m.Status is "Running"), "all running media cancelled");
    }

    [Fact]
    public async Task CancelMedia_GraphCall_CancelledThroughGraph()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(new { platform = "graph", mediaDurationSeconds = 600 });
        await hub.ExpectCallAsync(callId, c => c.Platform == "Graph" && c.MediaOperations.Any(m => m.Status == "Running"), "running Graph media");

        var result = await hub.CancelMediaAsync(callId);

        Assert.Equal("Accepted", result.Status);
        await hub.ExpectCallAsync(callId, c => !c.MediaOperations.Any(m => m.Status is "Running") && c.MediaOperations.Any(m => m.Status == "Cancelled"), "Graph media cancelled");
    }
}
