using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Tests.Infrastructure;
using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.Tests;

/// <summary>
/// Hold, remove and transfer on a manual clock, where the order of what happens between the answer and the outcome
/// is exact: the participant who leaves in between, the no-ops, the agents' devices, the timeout.
/// </summary>
public sealed class ActionRaceTests
{
    private const string Coach = "8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_0000000a-coach";
    private const string Colleague = "8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_0000000c-colleague";
    private static readonly TimeSpan Half = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Later = TimeSpan.FromSeconds(1);

    [Fact]
    public void Hold_TargetLeavesBeforeHoldTakesEffect_SendsHoldFailedWithOperationContext()
    {
        using var center = ContactCenterHarness.Create();
        var call = StartWithCoach(center);

        Remove(center, call, Coach, "remove:first");
        center.Advance(Half);
        Assert.Equal(200, Hold(center, call, Coach, "hold:late").StatusCode);
        center.Advance(Later);

        var failed = Assert.Single(center.Events(call, "HoldFailed"));
        Assert.Equal("hold:late", (string?)failed["operationContext"]);
        Assert.Equal(404, (int)failed["resultInformation"]!["code"]!);
        Assert.Contains(Coach, (string?)failed["resultInformation"]!["message"], StringComparison.Ordinal);
        AcsContract.AssertEvent("HoldFailed", failed);
        Assert.DoesNotContain(center.Events(call, "ParticipantsUpdated"), r => r.ToJsonString().Contains("\"isOnHold\":true", StringComparison.Ordinal));
    }

    [Fact]
    public void Hold_AlreadyOnHold_Returns200AndNoNewRoster()
    {
        using var center = ContactCenterHarness.Create();
        var call = StartWithCoach(center);
        Hold(center, call, Coach, "hold:1");
        center.Advance(Later);
        var rosters = center.Events(call, "ParticipantsUpdated").Count;

        var again = Hold(center, call, Coach, "hold:2");
        center.Advance(Later);

        Assert.Equal(200, again.StatusCode);
        Assert.Equal(rosters, center.Events(call, "ParticipantsUpdated").Count);
        Assert.True(call.FindParticipant(Identifiers.FromRawId(Coach)!)!.IsOnHold);
        Assert.Empty(center.Events(call, "HoldFailed"));
    }

    [Fact]
    public void Unhold_NotOnHold_Returns200AndNoRoster()
    {
        using var center = ContactCenterHarness.Create();
        var call = StartWithCoach(center);
        var rosters = center.Events(call, "ParticipantsUpdated").Count;

        var unhold = center.Engine.Unhold(call.CallConnectionId, new UnholdRequest(Identifiers.FromRawId(Coach), "unhold:noop"));
        center.Advance(Later);

        Assert.Equal(200, unhold.StatusCode);
        Assert.Equal(rosters, center.Events(call, "ParticipantsUpdated").Count);
    }

    [Fact]
    public void Unhold_ParticipantLeftWhileOnHold_Returns404NamingThem()
    {
        using var center = ContactCenterHarness.Create();
        var call = StartWithCoach(center);
        Hold(center, call, Coach, "hold:1");
        center.Advance(Later);
        Remove(center, call, Coach, "remove:held");
        center.Advance(Later);

        var unhold = center.Engine.Unhold(call.CallConnectionId, new UnholdRequest(Identifiers.FromRawId(Coach), "unhold:gone"));

        Assert.Equal(404, unhold.StatusCode);
        var error = System.Text.Json.Nodes.JsonNode.Parse(unhold.Body!)!["error"]!;
        Assert.Equal("8522", (string?)error["code"]);
        Assert.Contains(Coach, (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveParticipant_ParticipantLeavesBeforeRemovalTakesEffect_SendsRemoveParticipantFailed()
    {
        using var center = ContactCenterHarness.Create();
        var call = StartWithCoach(center);

        Remove(center, call, Coach, "remove:first");
        center.Advance(Half);
        Remove(center, call, Coach, "remove:second");
        center.Advance(Later);

        Assert.Equal("remove:first", (string?)Assert.Single(center.Events(call, "RemoveParticipantSucceeded"))["operationContext"]);
        var failed = Assert.Single(center.Events(call, "RemoveParticipantFailed"));
        Assert.Equal("remove:second", (string?)failed["operationContext"]);
        Assert.Equal(Coach, (string?)failed["participant"]!["rawId"]);
        Assert.Equal(404, (int)failed["resultInformation"]!["code"]!);
        AcsContract.AssertEvent("RemoveParticipantFailed", failed);
        Assert.Equal(AcsCallState.Connected, call.State);
    }

    [Fact]
    public void TransferToParticipant_ToAgentOnContactCenterCall_RingsLikeAnOfferThenAccepted()
    {
        using var center = ContactCenterHarness.Create(s => s.AgentAcceptProbability = 1);
        var call = center.StartConnected(new CallScenario(PatienceSeconds: 600));

        Assert.Equal(202, Transfer(center, call, ContactCenterHarness.Ana, call.Caller.RawId!, "transfer:ana").StatusCode);
        center.Advance(Half);
        var ringing = center.Engine.Desk.Stats().Agents.Single(a => a.Id == ContactCenterHarness.Ana);
        center.Advance(center.Options.Simulation.AgentRingTimeMax + Later);

        Assert.Equal("ringing", ringing.State);
        var accepted = Assert.Single(center.Events(call, "CallTransferAccepted"));
        Assert.Equal(ContactCenterHarness.Ana, (string?)accepted["transferTarget"]!["rawId"]);
        Assert.Equal(call.Caller.RawId, (string?)accepted["transferee"]!["rawId"]);
        AcsContract.AssertEvent("CallTransferAccepted", accepted);
        var roster = center.Events(call, "ParticipantsUpdated")[^1]["participants"]!.AsArray().Select(p => (string?)p!["identifier"]!["rawId"]);
        Assert.Equal([ContactCenterHarness.Ana], roster);
        Assert.Equal(("onCall", call.CallConnectionId),
            center.Engine.Desk.Stats().Agents.Where(a => a.Id == ContactCenterHarness.Ana).Select(a => (a.State, a.CallId)).Single());
        Assert.Equal(AcsCallState.Connected, call.State);
    }

    [Fact]
    public void TransferToParticipant_ToAgentAlreadyRinging_FailsAtOnceAsBusy()
    {
        using var center = ContactCenterHarness.Create(s => s.AgentAcceptProbability = 1);
        var first = center.StartConnected(new CallScenario(PatienceSeconds: 600));
        var second = center.StartConnected(new CallScenario(PatienceSeconds: 600));
        center.Offer(first, ContactCenterHarness.Ana, "offer:first");

        Transfer(center, second, ContactCenterHarness.Ana, second.Caller.RawId!, "transfer:busy");
        center.Advance(TimeSpan.FromMilliseconds(150)); // one event delay: long before any ring time ends

        var failed = Assert.Single(center.Events(second, "CallTransferFailed"));
        Assert.Equal("transfer:busy", (string?)failed["operationContext"]);
        Assert.Equal(486, (int)failed["resultInformation"]!["code"]!);
        AcsContract.AssertEvent("CallTransferFailed", failed);
        Assert.Equal(AcsCallState.Connected, second.State);
    }

    [Fact]
    public void TransferToParticipant_AgentDeclines_FailsWith603AndTheAgentIsFreeAgain()
    {
        using var center = ContactCenterHarness.Create(s =>
        {
            s.AgentAcceptProbability = 0;
            s.AgentDeclineProbability = 1;
        });
        var call = center.StartConnected(new CallScenario(PatienceSeconds: 600));

        Transfer(center, call, ContactCenterHarness.Ana, call.Caller.RawId!, "transfer:declined");
        center.Advance(center.Options.Simulation.AgentRingTimeMax + Later);

        var failed = Assert.Single(center.Events(call, "CallTransferFailed"));
        Assert.Equal("transfer:declined", (string?)failed["operationContext"]);
        Assert.Equal(603, (int)failed["resultInformation"]!["code"]!);
        var stats = center.Engine.Desk.Stats();
        Assert.Equal(1, stats.Declined);
        Assert.Equal("idle", stats.Agents.Single(a => a.Id == ContactCenterHarness.Ana).State);
        Assert.Contains(call.Caller.RawId, call.Participants.Select(p => p.Identifier.RawId));
    }

    [Fact]
    public void TransferToParticipant_TargetNeverAnswers_FailsAfterTheInvitationTimeout()
    {
        using var center = ContactCenterHarness.Create();
        var call = center.StartConnected(new CallScenario(InvitationBehavior: InvitationBehavior.RingUntilTimeout));

        Transfer(center, call, Colleague, call.Caller.RawId!, "transfer:unanswered");
        center.Advance(center.Options.Simulation.DefaultInvitationTimeout - Later);
        var before = center.Events(call, "CallTransferFailed").Count;
        center.Advance(Later + Later);

        Assert.Equal(0, before);
        var failed = Assert.Single(center.Events(call, "CallTransferFailed"));
        Assert.Equal(408, (int)failed["resultInformation"]!["code"]!);
        Assert.Contains(call.Caller.RawId, call.Participants.Select(p => p.Identifier.RawId));
    }

    [Fact]
    public void RandomParticipants_SupervisorInTheCall_StaysUntilRemoved()
    {
        using var center = ContactCenterHarness.Create(s =>
        {
            s.RandomParticipants = true;
            s.MaxParticipantsPerCall = 2; // the caller and the supervisor: every roster change would be a leave
            s.CallDurationMin = s.CallDurationMax = TimeSpan.FromHours(1);
        });
        var call = center.StartConnected(new CallScenario { Simulated = true });
        Assert.Equal(202, center.Engine.AddParticipant(call.CallConnectionId, new AddParticipantRequest(
            Identifiers.FromRawId(TransferTests.Supervisor), 30, "listen", null, null, null)).StatusCode);
        center.Advance(Later);
        Assert.NotNull(call.FindParticipant(Identifiers.FromRawId(TransferTests.Supervisor)!));

        for (var i = 0; i < 10; i++)
        {
            center.Advance(center.Options.Simulation.ParticipantChangeIntervalMax);
        }

        Assert.NotNull(call.FindParticipant(Identifiers.FromRawId(TransferTests.Supervisor)!));
    }

    private static AcsCall StartWithCoach(ContactCenterHarness center)
    {
        var call = center.StartConnected(new CallScenario(Participants: [new ScenarioParticipant("communicationUser", Coach, 1)]));
        center.Advance(Later);
        Assert.NotNull(call.FindParticipant(Identifiers.FromRawId(Coach)!));
        return call;
    }

    private static Http.ApiResult Hold(ContactCenterHarness center, AcsCall call, string rawId, string operationContext) =>
        center.Engine.Hold(call.CallConnectionId, new HoldRequest(Identifiers.FromRawId(rawId), null, operationContext, null));

    private static void Remove(ContactCenterHarness center, AcsCall call, string rawId, string operationContext) =>
        Assert.Equal(202, center.Engine.RemoveParticipant(call.CallConnectionId,
            new RemoveParticipantRequest(Identifiers.FromRawId(rawId), operationContext, null)).StatusCode);

    private static Http.ApiResult Transfer(ContactCenterHarness center, AcsCall call, string target, string transferee, string operationContext) =>
        center.Engine.TransferToParticipant(call.CallConnectionId,
            new TransferToParticipantRequest(Identifiers.FromRawId(target), Identifiers.FromRawId(transferee), operationContext, null, null));
}
