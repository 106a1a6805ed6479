using System.Diagnostics;
using CallSupervisor.Client;
using CallSupervisor.Contracts;
using Xunit.Abstractions;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>
/// The app with the re-check of live calls tightened by configuration (not by sleeping), so that losing callbacks
/// heals within seconds: calls are re-read every 2 s, invitations time out 1 s past their timeout, media 8 s
/// after it started.
/// </summary>
public sealed class HealingFixture : ServiceFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Calls:ReconcileInterval"] = "00:00:02",
        ["Calls:MaintenanceInterval"] = "00:00:00.250",
        ["Calls:InvitationGrace"] = "00:00:01",
        ["Calls:MediaTimeout"] = "00:00:08",
        ["Calls:EndedRetention"] = "00:10:00",
        ["Workflow:InvitationTimeout"] = "00:00:05",
    };
}

[CollectionDefinition(Name)]
public sealed class HealingCollection : ICollectionFixture<HealingFixture>
{
    public const string Name = "healing";
}

/// <summary>
/// Callbacks are lost — 20 % of them, then all of them for a while — while calls end on the far side, a
/// supervisor mutes participants, invitations are answered, declined or left ringing and media runs out. Once the
/// losses stop, the hub's view of every call must equal the emulator's own view (state, roster with mute flags,
/// invitations, media) within a bounded time. Graph calls heal the same way when their notifications are lost.
/// </summary>
[Collection(HealingCollection.Name)]
public sealed class ConvergenceTests(HealingFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan ConvergenceBound = TimeSpan.FromSeconds(20);

    private static object Scenario(string caller, string invitationBehavior) => new
    {
        platform = "acs",
        caller = new { kind = "phoneNumber", value = caller },
        participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
        invitationBehavior,
        acceptAfterSeconds = 2,
        mediaDurationSeconds = 2,
    };

    [Fact]
    public async Task LostCallbacks_AfterTheLossesStop_HubEqualsTheFarSide()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var accepts = await StartAsync(hub, "+14255550701", "acceptAfter");
        var timesOut = await StartAsync(hub, "+14255550702", "ringUntilTimeout");
        var declines = await StartAsync(hub, "+14255550703", "decline");
        var endsInPartialLoss = await StartAsync(hub, "+14255550704", "ringUntilTimeout");
        var mutedInPartialLoss = await StartAsync(hub, "+14255550705", "ringUntilTimeout");
        var endsInTotalLoss = await StartAsync(hub, "+14255550706", "ringUntilTimeout");
        var mutedInTotalLoss = await StartAsync(hub, "+14255550707", "ringUntilTimeout");
        try
        {
            await fixture.SetFaultsAsync(new { dropCallbackProbability = 0.2 });
            await EndOnTheFarSideAsync(endsInPartialLoss);
            var partialMuted = await MuteAcsUserAsync(hub, mutedInPartialLoss);
            await hub.ExpectCallAsync(endsInPartialLoss, c => c.State == "Disconnected", "call ended during partial loss");
            await hub.ExpectCallAsync(mutedInPartialLoss, c => IsMuted(c, partialMuted), "mute confirmed during partial loss");

            // Nothing arrives now: only the app's own re-reads can tell it what happened.
            await fixture.SetFaultsAsync(new { dropCallbackProbability = 1.0 });
            var lossStarted = Stopwatch.StartNew();
            await EndOnTheFarSideAsync(endsInTotalLoss);
            var totalMuted = await MuteAcsUserAsync(hub, mutedInTotalLoss);
            await hub.ExpectCallAsync(endsInTotalLoss, c => c.State == "Disconnected", "call ended with every callback lost");
            await hub.ExpectCallAsync(mutedInTotalLoss, c => IsMuted(c, totalMuted) && !IsMutePending(c, totalMuted), "mute confirmed with every callback lost");
            output.WriteLine($"Healed with every callback lost: {lossStarted.ElapsedMilliseconds} ms");
            await hub.ExpectCallAsync(accepts, c => c.Invitations.Any(i => i.Status == "Accepted"), "acceptance seen with every callback lost");
            await hub.ExpectCallAsync(declines, c => c.Invitations.Any() && c.Invitations.All(i => i.Status != "Pending"), "declined invitation closed");
        }
        finally
        {
            await fixture.ClearFaultsAsync();
        }

        var converging = Stopwatch.StartNew();
        var difference = await BoardComparison.ConvergeAsync(fixture.EmulatorCallsAsync, ConvergenceBound, hub);
        Assert.True(difference is null, $"Not converged after {ConvergenceBound.TotalSeconds} s: {difference}");
        output.WriteLine($"Converged {converging.ElapsedMilliseconds} ms after the losses stopped");
        Assert.All(new[] { accepts, timesOut, declines }, id => Assert.Equal("Connected", hub.Board.Calls[id].State));
    }

    [Fact]
    public async Task LostGraphNotifications_AfterTheLossesStop_GraphCallsEqualTheFarSide()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var endsInTotalLoss = await StartGraphAsync(hub, "+14255550711", laterJoiners: 0);
        // Two more people join about 10 s after the call is set up: by then every notification is lost.
        var joinedInTotalLoss = await StartGraphAsync(hub, "+14255550712", laterJoiners: 2);
        try
        {
            // Nothing arrives now: only the app's re-reads of Graph (GET call, GET participants) can tell it.
            await fixture.SetFaultsAsync(new { dropCallbackProbability = 1.0 });
            var lossStarted = Stopwatch.StartNew();
            await EndOnTheFarSideAsync(endsInTotalLoss);
            await hub.ExpectCallAsync(endsInTotalLoss, c => c.State == "Disconnected", "Graph call ended with every notification lost", TimeSpan.FromSeconds(60));
            output.WriteLine($"Graph call end healed with every notification lost: {lossStarted.ElapsedMilliseconds} ms");
            await hub.ExpectCallAsync(joinedInTotalLoss, c => c.Participants.Count == 5, "the two later joiners of a Graph call seen with every notification lost", TimeSpan.FromSeconds(60));
            output.WriteLine($"Graph joiners healed with every notification lost: {lossStarted.ElapsedMilliseconds} ms");
        }
        finally
        {
            await fixture.ClearFaultsAsync();
        }

        string? difference = null;
        var converging = Stopwatch.StartNew();
        while (converging.Elapsed < ConvergenceBound)
        {
            var board = hub.Board;
            difference = BoardComparison.GraphDifference(await fixture.EmulatorCallsAsync(), board.Calls, [endsInTotalLoss, joinedInTotalLoss]);
            if (difference is null)
            {
                break;
            }
            await hub.NextBoardAsync(board, TimeSpan.FromSeconds(1));
        }
        Assert.True(difference is null, $"Graph calls not converged after {ConvergenceBound.TotalSeconds} s: {difference}");
    }

    private async Task<string> StartGraphAsync(CallsHubClient hub, string caller, int laterJoiners)
    {
        var joiners = new[] { new { kind = "microsoftTeamsUser", joinAfterSeconds = 0 } }
            .Concat(Enumerable.Range(0, laterJoiners).Select(i => new { kind = "microsoftTeamsUser", joinAfterSeconds = 10 + i }))
            .ToArray();
        var callId = await fixture.CreateCallAsync(new
        {
            platform = "graph",
            caller = new { kind = "phoneNumber", value = caller },
            participants = joiners,
            mediaDurationSeconds = 600,
        });
        // Caller, bot and the first joiner.
        await hub.ExpectCallAsync(callId, c => c.Platform == "Graph" && c.State == "Connected" && c.Participants.Count == 3, "Graph call set up");
        return callId;
    }

    private async Task<string> StartAsync(CallsHubClient hub, string caller, string invitationBehavior)
    {
        var callId = await fixture.CreateCallAsync(Scenario(caller, invitationBehavior));
        // The invitation is the workflow's last request: once it is on the board, so are the media operations.
        await hub.ExpectCallAsync(callId, c => c.State == "Connected" && c.AcsUser() is not null && c.Invitations.Any(), "call set up");
        return callId;
    }

    private async Task EndOnTheFarSideAsync(string callId)
    {
        using var response = await fixture.Emulator.PostAsync($"emulator/calls/{callId}/end", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> MuteAcsUserAsync(CallsHubClient hub, string callId)
    {
        var rawId = hub.Board.Calls[callId].AcsUser()!.Identifier.RawId;
        var result = await hub.MuteAsync(callId, rawId);
        Assert.Equal("Accepted", result.Status);
        return rawId;
    }

    private static bool IsMuted(CallDto call, string rawId) => call.Participant(rawId) is { IsMuted: true };

    private static bool IsMutePending(CallDto call, string rawId) => call.IsPending("Mute", rawId);
}
