using System.Diagnostics;
using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task FailNextRequests_One_Returns503ThenSucceeds()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });
        await ctx.SetFaultsAsync(new { failNextRequests = 1, failOperation = "getCall" });

        var failed = await ctx.Client.GetAsync(EmulatorTestContext.CallPath(callId));
        var retried = await ctx.Client.GetAsync(EmulatorTestContext.CallPath(callId));

        Assert.Equal(503, failed.Status);
        Assert.Equal("ServiceUnavailable", (string?)failed.Json["error"]!["code"]);
        Assert.Equal(200, retried.Status);
    }

    [Fact]
    public async Task FailNextRequests_OtherOperation_NotAffected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });
        await ctx.SetFaultsAsync(new { failNextRequests = 1, failOperation = "mute", failStatusCode = 429 });

        var get = await ctx.Client.GetAsync(EmulatorTestContext.CallPath(callId));
        var mute = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:mute"),
            new { targetParticipants = new[] { RequestBodies.AcsUser("8:acs:x_y") } });

        Assert.Equal(200, get.Status);
        Assert.Equal(429, mute.Status);
    }

    [Fact]
    public async Task RepeatedRequestId_AfterInjected503_RunsOnRetry()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", invitationBehavior = "ringForever" });
        await ctx.SetFaultsAsync(new { failNextRequests = 1, failOperation = "addParticipant" });
        var requestId = Guid.NewGuid().ToString();
        var firstSent = DateTimeOffset.UtcNow.ToString("R");
        var body = new { participantToAdd = RequestBodies.AcsUser("8:acs:x_agent"), operationContext = "invite:f" };
        void Headers(HttpRequestMessage r)
        {
            r.Headers.Add("Repeatability-Request-ID", requestId);
            r.Headers.Add("Repeatability-First-Sent", firstSent);
        }

        var failed = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:add"), body, Headers);
        var retried = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:add"), body, Headers);

        Assert.Equal(503, failed.Status);
        Assert.Equal(202, retried.Status);
        Assert.Single((await ctx.CallStateAsync(callId))["invitations"]!.AsArray());
    }

    [Theory]
    [InlineData("hold", ":hold")]
    [InlineData("unhold", ":unhold")]
    [InlineData("transferToParticipant", ":transferToParticipant")]
    public async Task FailNextRequests_NewOperationNames_FailThatOperationOnce(string operation, string suffix)
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await TransferTests.StartPhoneCallAsync(ctx);
        await ctx.SetFaultsAsync(new { failNextRequests = 1, failOperation = operation });
        var body = new
        {
            targetParticipant = suffix == ":transferToParticipant" ? RequestBodies.AcsUser(TransferTests.Supervisor) : RequestBodies.Phone(TransferTests.CallerNumber),
            transferee = RequestBodies.Phone(TransferTests.CallerNumber),
            operationContext = operation,
        };
        object request = suffix == ":transferToParticipant" ? body : new { body.targetParticipant, body.operationContext };

        var get = await ctx.Client.GetAsync(EmulatorTestContext.CallPath(callId));
        var failed = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, suffix), request);
        var retried = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, suffix), request);

        Assert.Equal(200, get.Status);
        Assert.Equal(503, failed.Status);
        Assert.Equal(suffix == ":transferToParticipant" ? 202 : 200, retried.Status);
    }

    [Fact]
    public async Task RestLatency_Set_DelaysResponses()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        await ctx.SetFaultsAsync(new { restLatencyMs = 300 });

        var watch = Stopwatch.StartNew();
        await ctx.Client.GetAsync(EmulatorTestContext.CallPath("unknown"));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task DuplicateCallbacks_On_SendsEachEventTwiceWithSameId()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.Faults.DuplicateCallbacks = true);

        var callId = await ctx.StartCallAsync(new { platform = "acs" });
        await ctx.App.Acs.WaitUntilAsync(events => events.Count(e => e.Type == "CallConnected") == 2);

        var connected = ctx.App.Acs.Items.Where(e => e.Type == "CallConnected").ToList();
        Assert.Equal(connected[0].Id, connected[1].Id);
        Assert.Equal(callId, connected[0].CallConnectionId);
        // Event Grid duplicates too: the second IncomingCall cannot be answered again.
        await ctx.App.Answers.WaitUntilAsync(answers => answers.Count == 2);
        Assert.Equal([200, 400], ctx.App.Answers.Items.Select(a => a.Status).Order());
    }

    [Fact]
    public async Task ReorderCallbacks_BatchOfThree_SendsInReverseOrder()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs", invitationBehavior = "ringForever" });
        await ctx.SetFaultsAsync(new { reorderBatchSize = 3, reorderHoldWindowMs = 5000 });

        var invitationId = await InvitationTests.InviteAsync(ctx, callId, "invite:o");
        using (await ctx.Admin.PostAsync($"emulator/invitations/{invitationId}/accept", null))
        {
        }
        await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:mute"),
            new { targetParticipants = new[] { RequestBodies.AcsUser("8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_0000000b-agent") } });
        await ctx.App.Acs.WaitUntilAsync(events =>
            events.Count(e => e.Type == "ParticipantsUpdated") == 3 && events.Any(e => e.Type == "AddParticipantSucceeded"));

        var tail = ctx.App.Acs.Items.TakeLast(3).Select(e => e.Type).ToList();
        Assert.Equal(["ParticipantsUpdated", "ParticipantsUpdated", "AddParticipantSucceeded"], tail);
        var sequence = ctx.App.Acs.Items.Where(e => e.Type == "ParticipantsUpdated").Select(e => (int)e.Data["sequenceNumber"]!).ToList();
        Assert.Equal([1, 3, 2], sequence);
    }

    [Fact]
    public async Task DropCallbacks_ProbabilityOne_NothingArrivesAndCounted()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });
        await ctx.SetFaultsAsync(new { dropCallbackProbability = 1.0 });

        using (await ctx.Admin.PostAsync($"emulator/calls/{callId}/end", null))
        {
        }
        var state = await ctx.CallStateAsync(callId);

        Assert.Equal("disconnected", (string?)state["state"]);
        await WaitForDroppedAsync(ctx);
        Assert.DoesNotContain(ctx.App.Acs.Items, e => e.Type == "CallDisconnected");
    }

    private static async Task WaitForDroppedAsync(EmulatorTestContext ctx)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var root = await ctx.Admin.GetStringAsync("emulator/calls", timeout.Token);
            if (System.Text.Json.Nodes.JsonNode.Parse(root)!["deliveries"]!["dropped"]!.GetValue<long>() >= 1)
            {
                return;
            }
            // Polling the far side's counters is the only signal of a drop; each poll is a real round trip, not a sleep.
            await Task.Yield();
        }
    }
}
