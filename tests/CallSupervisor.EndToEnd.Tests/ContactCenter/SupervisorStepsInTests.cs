using CallSupervisor.Client;
using CallSupervisor.EndToEnd.Tests.ServiceLayer;

namespace CallSupervisor.EndToEnd.Tests.ContactCenter;

/// <summary>
/// A contact center whose agents give up on a caller at once: one missed offer sets an agent away, wrap-up is a
/// second. The supervisor's endpoint is Sam Supervisor's (<c>8:acs:emulator_supervisor-sam</c>, from the development
/// directory), which the emulator always answers.
/// </summary>
public sealed class SupervisionFixture : ServiceFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Workflow:MissedOffersToAway"] = "1",
        ["Workflow:WrapUpTime"] = "00:00:01",
    };
}

/// <summary>
/// A supervisor steps into calls through the hub's one method, on the real app and emulator: listen in, join and
/// leave; hold and resume a caller; transfer a call to a free agent; rescue a caller every agent declined by assigning
/// them; hang up for everyone — each confirmed by the emulator's callbacks on the same connection. An Observer is
/// refused every one of them.
/// </summary>
public sealed class SupervisorStepsInTests(SupervisionFixture fixture) : IClassFixture<SupervisionFixture>
{
    private const string SamsEndpoint = "8:acs:emulator_supervisor-sam";

    // A caller for the Lab queue whose agent answers within a second and who stays on the line.
    private static readonly object Answered = new
    {
        platform = "acs",
        caller = new { kind = "phoneNumber", value = "+14255550111" },
        invitationBehavior = "acceptAfter",
        acceptAfterSeconds = 1,
        menuChoice = "9",
        patienceSeconds = 600,
        handleTimeSeconds = 600,
    };

    [Fact]
    public async Task Listen_ThenJoin_ThenLeave_EveryoneSeesTheSupervisor()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await AnsweredCallAsync(hub);

        Assert.Equal("Accepted", (await hub.ExecuteAsync("Listen", callId)).Status);
        // The endpoint joins and, an ACS user, is muted by the server: listening.
        var listening = await hub.ExpectCallAsync(callId, c => c.Participant(SamsEndpoint) is { IsMuted: true }
            && c.Supervisors.Any(s => s.RawId == SamsEndpoint && s.Mode == "Listening"), "Sam listening, muted");
        Assert.Equal("Sam Supervisor", listening.Supervisors.Single().Name);
        // Another supervisor could listen too; Sam cannot listen twice.
        var again = await hub.ExecuteAsync("Listen", callId);
        Assert.Equal("Refused", again.Status);
        Assert.Contains("already listening", again.Message, StringComparison.Ordinal);

        Assert.Equal("Accepted", (await hub.ExecuteAsync("Join", callId)).Status);
        await hub.ExpectCallAsync(callId, c => c.Supervisors.Any(s => s.RawId == SamsEndpoint && s.Mode == "Joined"), "Sam joined");

        Assert.Equal("Accepted", (await hub.ExecuteAsync("Leave", callId)).Status);
        await hub.ExpectCallAsync(callId, c => c.Participant(SamsEndpoint) is null && c.Supervisors.Count == 0 && c.PendingActions.Count == 0, "Sam gone");
    }

    [Fact]
    public async Task Hold_ThenResume_TheCaller()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await AnsweredCallAsync(hub);
        var caller = hub.Board.Calls[callId].Caller!.RawId;

        Assert.Equal("Accepted", (await hub.ExecuteAsync("Hold", callId, caller)).Status);
        var held = await hub.ExpectCallAsync(callId, c => c.Participant(caller) is { IsOnHold: true, OnHoldSince: not null }, "caller on hold");
        Assert.Contains("Resume", held.Participant(caller)!.Actions);
        Assert.DoesNotContain("Hold", held.Participant(caller)!.Actions);

        Assert.Equal("Accepted", (await hub.ExecuteAsync("Resume", callId, caller)).Status);
        await hub.ExpectCallAsync(callId, c => c.Participant(caller) is { IsOnHold: false } && !c.IsPending("Resume", caller), "caller back");
    }

    [Fact]
    public async Task Transfer_ToAFreeAgent_TheCallIsTheirsAndTheFirstAgentWrapsUp()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await AnsweredCallAsync(hub);
        var first = hub.Board.Calls[callId].AgentId!;
        var free = hub.Board.Agents.First(a => a.State == "Available" && a.AgentId != first && a.Queues.Contains("lab")).AgentId;

        var sent = await hub.ExecuteAsync("Transfer", callId, "", new Dictionary<string, string> { ["to"] = free });

        Assert.Equal("Accepted", sent.Status);
        var transferee = $"8:acs:emulator_test-agent-{first[5..]}";
        var moved = await hub.ExpectCallAsync(callId, c => c.AgentId == free && c.PendingActions.Count == 0 && c.Participant(transferee) is null, "the call with the new agent");
        Assert.Null(moved.AgentLeftAt);
        await hub.WaitForAsync(b => b.Agents.Any(a => a.AgentId == first && a.State is "WrapUp" or "Available" && a.CallId is null), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Assign_CallerEveryAgentOfTheQueueDeclined_AnotherQueuesAgentTakesThem()
    {
        await using var hub = await fixture.ConnectHubAsync();
        // Support's four agents each decline once and are set away: the caller waits with no one to offer them to.
        var callId = await fixture.CreateCallAsync(new
        {
            platform = "acs",
            caller = new { kind = "phoneNumber", value = "+14255550112" },
            invitationBehavior = "decline",
            menuChoice = "2",
            patienceSeconds = 600,
        });
        await hub.WaitForAsync(b => b.Calls.TryGetValue(callId, out var c) && c.QueueId == "support" && c.Offer is null && c.AgentId is null
            && b.Agents.Where(a => a.Queues.Contains("support")).All(a => a.State == "Away"), TimeSpan.FromSeconds(60));
        Assert.Contains("Assign", hub.Board.Calls[callId].Actions);

        var assigned = await hub.ExecuteAsync("Assign", callId, "ben");

        Assert.Equal("Accepted", assigned.Status);
        var ringing = await hub.ExpectCallAsync(callId, c => c.Offer is { AgentId: "ben", RingingSince: not null }, "ben rung");
        // Ben answers (his desk would decline, as the scenario says every invitee does: he is made to answer).
        var invitation = ringing.Invitations.Single(i => i.Target.RawId == "8:acs:emulator_agent-ben" && i.Status == "Pending").InvitationId;
        using (var answer = await fixture.Emulator.PostAsync($"emulator/invitations/{Uri.EscapeDataString(invitation)}/accept", null))
        {
            answer.EnsureSuccessStatusCode();
        }
        await hub.ExpectCallAsync(callId, c => c.AgentId == "ben" && c.AgentName == "Ben Okafor" && c.PendingActions.Count == 0, "ben took the call");
    }

    [Fact]
    public async Task Record_ThenPauseResumeAndStop_EveryStateFromTheEmulatorsCallbacks()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await AnsweredCallAsync(hub);

        Assert.Equal("Accepted", (await hub.ExecuteAsync("StartRecording", callId)).Status);
        var recording = await hub.ExpectCallAsync(callId, c => c.Recording is { Status: "Active" } && c.PendingActions.Count == 0, "recording");
        Assert.Equal(["PauseRecording", "StopRecording"], recording.Actions.Where(a => a.Contains("Recording", StringComparison.Ordinal)));

        Assert.Equal("Accepted", (await hub.ExecuteAsync("PauseRecording", callId)).Status);
        await hub.ExpectCallAsync(callId, c => c.Recording is { Status: "Paused" } && c.PendingActions.Count == 0, "recording paused");
        Assert.Equal("Accepted", (await hub.ExecuteAsync("ResumeRecording", callId)).Status);
        await hub.ExpectCallAsync(callId, c => c.Recording is { Status: "Active" } && c.PendingActions.Count == 0, "recording again");
        Assert.Equal("Accepted", (await hub.ExecuteAsync("StopRecording", callId)).Status);
        var stopped = await hub.ExpectCallAsync(callId, c => c.Recording is { Status: "Stopped" } && c.PendingActions.Count == 0, "recording stopped");
        Assert.Contains("StartRecording", stopped.Actions);
    }

    [Fact]
    public async Task HangUp_ForEveryone_TheCallEnds()
    {
        await using var hub = await fixture.ConnectHubAsync();
        var callId = await AnsweredCallAsync(hub);

        Assert.Equal("Accepted", (await hub.ExecuteAsync("HangUp", callId)).Status);

        await hub.ExpectCallAsync(callId, c => c.State == "Disconnected", "the call ended");
    }

    [Fact]
    public async Task Figures_AnAnsweredCallThatEnds_CountedOnceInItsQueueForHubClients()
    {
        await using var hub = await fixture.ConnectHubAsync();
        // Sent right after the snapshot on connect; other tests' calls may be counted already: compare with it.
        var before = await Eventually.UntilAsync<Contracts.FiguresDto?>(() => Task.FromResult(hub.Figures), f => f is not null, "the day's figures on connect");
        var callId = await AnsweredCallAsync(hub);
        var queue = hub.Board.Calls[callId].QueueId!;
        int Answered(Contracts.FiguresDto? f) => f?.Queues.SingleOrDefault(q => q.QueueId == queue)?.Answered ?? 0;

        Assert.Equal("Accepted", (await hub.ExecuteAsync("HangUp", callId)).Status);
        await hub.ExpectCallAsync(callId, c => c.State == "Disconnected", "the call ended");

        var after = await Eventually.UntilAsync<Contracts.FiguresDto?>(() => Task.FromResult(hub.Figures), f => Answered(f) > Answered(before),
            "the answered call counted in its queue", describe: f => Task.FromResult(System.Text.Json.JsonSerializer.Serialize(f)));
        var figures = after!.Queues.Single(q => q.QueueId == queue);
        Assert.True(figures.Offered >= figures.Answered, "every answered caller was offered to the queue");
        Assert.NotNull(figures.AverageSpeedOfAnswerSeconds);
        Assert.Equal(after.Queues.Sum(q => q.Answered), after.Total.Answered);
    }

    [Fact]
    public async Task Observer_EveryNewAction_ForbiddenAndUnknownKindRefused()
    {
        await using var hub = await fixture.ConnectHubAsync();
        await using var observer = await fixture.ConnectHubAsync(user: OidcSignIn.Observer);
        var callId = await AnsweredCallAsync(hub);
        var caller = hub.Board.Calls[callId].Caller!.RawId;

        foreach (var (kind, target) in new[] { ("Listen", ""), ("Join", ""), ("Leave", ""), ("Hold", caller), ("Resume", caller), ("Remove", caller), ("HangUp", ""), ("Assign", "ben"), ("TakeCall", ""), ("Transfer", ""), ("StartRecording", "") })
        {
            var result = await observer.ExecuteAsync(kind, callId, target, new Dictionary<string, string> { ["to"] = "ben" });
            Assert.True(result.Status == "Forbidden", $"{kind}: {result.Status} {result.Message}");
        }
        Assert.Equal("Forbidden", (await observer.ExecuteAsync("SetAgentState", "", "ben", new Dictionary<string, string> { ["state"] = "Away" })).Status);
        var unknown = await hub.ExecuteAsync("Teleport", callId);
        Assert.Equal("Refused", unknown.Status);
        Assert.Contains("Teleport", unknown.Message, StringComparison.Ordinal);
        Assert.True(hub.Board.Calls[callId].State == "Connected");
    }

    [Fact]
    public async Task SetAgentState_SupervisorSetsAwayThenAvailable_EveryClientSeesIt()
    {
        await using var hub = await fixture.ConnectHubAsync();
        await hub.WaitForAsync(b => b.Agents.Any(a => a.AgentId == "cho" && a.Since is not null), TimeSpan.FromSeconds(30));

        var away = await hub.ExecuteAsync("SetAgentState", "", "cho", new Dictionary<string, string> { ["state"] = "Away", ["reason"] = "Coaching" });

        Assert.Equal("Accepted", away.Status);
        await hub.WaitForAsync(b => b.Agents.Any(a => a.AgentId == "cho" && a.State == "Away" && a.Reason == "Coaching"), TimeSpan.FromSeconds(30));
        Assert.Equal("Accepted", (await hub.ExecuteAsync("SetAgentState", "", "cho", new Dictionary<string, string> { ["state"] = "Available" })).Status);
        await hub.WaitForAsync(b => b.Agents.Any(a => a.AgentId == "cho" && a.State == "Available"), TimeSpan.FromSeconds(30));
    }

    // A Lab caller with their agent in the call.
    private async Task<string> AnsweredCallAsync(CallsHubClient hub)
    {
        var callId = await fixture.CreateCallAsync(Answered);
        await hub.ExpectCallAsync(callId, c => c.State == "Connected" && c.AgentId is not null && c.AgentLeftAt is null
            && c.Participants.Count >= 2 && c.Caller is not null && c.Participant(c.Caller.RawId) is not null, "the caller with their agent", TimeSpan.FromSeconds(60));
        return callId;
    }
}
