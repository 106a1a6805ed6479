using System.Net;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>The app as most ACS deployments run it: no Graph app at all (<c>Graph:Enabled=false</c>, no Graph settings).</summary>
public sealed class AcsOnlyFixture : ServiceFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Graph:Enabled"] = "false",
    };
}

[CollectionDefinition(Name)]
public sealed class AcsOnlyCollection : ICollectionFixture<AcsOnlyFixture>
{
    public const string Name = "acs-only";
}

/// <summary>Pages, the hub and the three actions work with Graph switched off; media is cancelled through ACS.</summary>
[Collection(AcsOnlyCollection.Name)]
public sealed class AcsOnlyTests(AcsOnlyFixture fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("invitations")]
    [InlineData("activity")]
    public async Task Pages_GraphDisabled_Render(string path)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CallSupervisor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphNotificationEndpoint_GraphDisabled_DoesNotExist()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };

        using var response = await http.PostAsync("api/callbacks/graph", new StringContent("""{"value":[]}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ThreeActions_GraphDisabled_WorkThroughTheHubAndAcs()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await fixture.CreateCallAsync(new
        {
            platform = "acs",
            caller = new { kind = "phoneNumber", value = "+14255550188" },
            participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
            invitationBehavior = "ringForever",
            mediaDurationSeconds = 600,
        });
        var call = await hub.ExpectCallAsync(
            callId,
            c => c.AcsUser() is not null && c.Invitations.Any(i => i.Status == "Pending") && c.MediaOperations.Any(m => m.Status == "Running"),
            "an ACS participant, a ringing invitation and running media");
        var rawId = call.AcsUser()!.Identifier.RawId;
        var invitationId = call.Invitations.First(i => i.Status == "Pending").InvitationId;

        var mute = await hub.MuteAsync(callId, rawId);
        var cancel = await hub.CancelInvitationAsync(callId, invitationId);
        var media = await hub.CancelMediaAsync(callId);

        Assert.All(new[] { mute, cancel, media }, r => Assert.Equal("Accepted", r.Status));
        Assert.Contains("ACS", media.Message, StringComparison.Ordinal);
        await hub.ExpectCallAsync(
            callId,
            c => c.Participant(rawId) is { IsMuted: true }
                && c.Invitations.Any(i => i.InvitationId == invitationId && i.Status == "Cancelled")
                && c.MediaOperations.Any(m => m.Status == "Cancelled") && !c.MediaOperations.Any(m => m.Status is "Running"),
            "muted, invitation cancelled, running media cancelled");
    }
}
