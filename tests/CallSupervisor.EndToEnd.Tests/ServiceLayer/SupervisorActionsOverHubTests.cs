using System.Net.Http.Json;
using static CallSupervisor.EndToEnd.Tests.ServiceLayer.CallJson;

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

        var call = await hub.WaitForCallAsync(callId, c => State(c) == "Connected", "connected call");

        Assert.Equal(1, hub.SnapshotsReceived);
        Assert.Equal("+14255550101", call.GetProperty("caller").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Mute_AcsParticipant_ConfirmedByParticipantsUpdated()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);
        var call = await hub.WaitForCallAsync(callId, c => AcsUser(c) is not null, "an ACS participant");
        var rawId = AcsUser(call)!.Value.GetProperty("identifier").GetProperty("rawId").GetString()!;

        var result = await hub.InvokeAsync("Mute", callId, rawId);

        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        await hub.WaitForCallAsync(callId, c => Participant(c, rawId) is { } p && p.GetProperty("isMuted").GetBoolean(), "participant muted");
        // A second mute of a muted participant is refused before any request, with a reason.
        var again = await hub.InvokeAsync("Mute", callId, rawId);
        Assert.Equal("Refused", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Mute_PhoneParticipant_RefusedWithReason()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);
        var call = await hub.WaitForCallAsync(callId, c => Participants(c).Any(p => Kind(p) == "PhoneNumber"), "the phone caller");
        var phone = Participants(call).First(p => Kind(p) == "PhoneNumber").GetProperty("identifier").GetProperty("rawId").GetString()!;

        var result = await hub.InvokeAsync("Mute", callId, phone);

        Assert.Equal("Refused", result.GetProperty("status").GetString());
        Assert.Contains("ACS", result.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelInvitation_Ringing_EndsCancelled()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);
        var call = await hub.WaitForCallAsync(callId, c => Invitations(c).Any(i => Status(i) == "Pending"), "a pending invitation");
        var invitationId = Invitations(call).First(i => Status(i) == "Pending").GetProperty("invitationId").GetString()!;

        var result = await hub.InvokeAsync("CancelInvitation", callId, invitationId);

        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        await hub.WaitForCallAsync(callId, c => Invitations(c).Any(i => Id(i) == invitationId && Status(i) == "Cancelled"), "invitation cancelled");
    }

    [Fact]
    public async Task CancelInvitation_AcceptedFirst_EndsAcceptedWithLostRace()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);
        var call = await hub.WaitForCallAsync(callId, c => Invitations(c).Any(i => Status(i) == "Pending"), "a pending invitation");
        var invitationId = Invitations(call).First(i => Status(i) == "Pending").GetProperty("invitationId").GetString()!;

        // Hold REST responses so the cancel is still in flight when the invitee picks up on the far side.
        using (await fixture.Emulator.PostAsJsonAsync("emulator/faults", new { restLatencyMs = 1500 }))
        {
        }
        try
        {
            var cancel = hub.InvokeAsync("CancelInvitation", callId, invitationId);
            await hub.WaitForCallAsync(callId, c => Invitations(c).Any(i => Id(i) == invitationId && Status(i) == "Cancelling"), "invitation cancelling");
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
        var final = await hub.WaitForCallAsync(
            callId,
            c => Invitations(c).Any(i => Id(i) == invitationId && Status(i) == "Accepted" && i.GetProperty("cancelLostRace").GetBoolean()),
            "invitation accepted with lost race");
        Assert.Contains(Participants(final), p => Kind(p) != "PhoneNumber");
    }

    [Fact]
    public async Task CancelMedia_AcsCall_AllMediaEndCancelled()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(AcsScenario);
        // The invitation is the workflow's last request: once it is pending, every media request has been made.
        await hub.WaitForCallAsync(callId, c => Media(c).Any(m => Status(m) == "Running") && Invitations(c).Any(i => Status(i) == "Pending"), "running media");

        var result = await hub.InvokeAsync("CancelMedia", callId);

        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        await hub.WaitForCallAsync(callId, c => Media(c).Any() && Media(c).All(m => Status(m) == "Cancelled"), "all media cancelled");
    }

    [Fact]
    public async Task CancelMedia_GraphCall_CancelledThroughGraph()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(new { platform = "graph", mediaDurationSeconds = 600 });
        await hub.WaitForCallAsync(callId, c => c.GetProperty("platform").GetString() == "Graph" && Media(c).Any(m => Status(m) == "Running"), "running Graph media");

        var result = await hub.InvokeAsync("CancelMedia", callId);

        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        await hub.WaitForCallAsync(callId, c => Media(c).Where(m => Status(m) is "Running" or "Cancelling").Count() == 0 && Media(c).Any(m => Status(m) == "Cancelled"), "Graph media cancelled");
    }
}
