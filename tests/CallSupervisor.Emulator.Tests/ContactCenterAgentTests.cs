using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

/// <summary>The simulated agents' devices on a manual clock: ring, accept/decline/no answer, busy.</summary>
public sealed class ContactCenterAgentTests
{
    private static readonly CallScenario Waiting = new(PatienceSeconds: 600);

    [Fact]
    public void AddParticipant_AgentRingingForAnotherCall_FailsAtOnceAsBusyAndCountsADoubleOffer()
    {
        using var center = ContactCenterHarness.Create(s => s.AgentAcceptProbability = 1);
        var first = center.StartConnected(Waiting);
        var second = center.StartConnected(Waiting);

        center.Offer(first, ContactCenterHarness.Ana, "offer:first");
        center.Offer(second, ContactCenterHarness.Ana, "offer:second");
        center.Advance(TimeSpan.FromMilliseconds(150)); // one event delay: long before any ring time ends

        var failed = Assert.Single(center.Events(second, "AddParticipantFailed"));
        Assert.Equal("offer:second", (string?)failed["operationContext"]);
        Assert.Equal(486, (int)failed["resultInformation"]!["code"]!);
        Assert.Equal(560486, (int)failed["resultInformation"]!["subCode"]!);
        Assert.Equal(ContactCenterHarness.Ana, (string?)failed["participant"]!["rawId"]);
        Assert.Empty(center.Events(first, "AddParticipantFailed"));
        var stats = center.Engine.Desk.Stats();
        Assert.Equal((2, 1), (stats.Offers, stats.DoubleOffers));
        Assert.Equal(("ringing", first.CallConnectionId), stats.Agents.Where(a => a.Id == ContactCenterHarness.Ana).Select(a => (a.State, a.CallId)).Single());
    }

    [Fact]
    public void AddParticipant_AgentOnACall_BusyUntilThatCallEnds()
    {
        using var center = ContactCenterHarness.Create(s => s.AgentAcceptProbability = 1);
        var first = center.StartConnected(Waiting);
        var second = center.StartConnected(Waiting);
        center.Offer(first, ContactCenterHarness.Ana, "offer:first");
        center.Advance(center.Options.Simulation.AgentRingTimeMax + TimeSpan.FromSeconds(1));
        Assert.Single(center.Events(first, "AddParticipantSucceeded"));

        center.Offer(second, ContactCenterHarness.Ana, "offer:busy");
        center.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(486, (int)Assert.Single(center.Events(second, "AddParticipantFailed"))["resultInformation"]!["code"]!);

        Assert.True(center.Engine.EndFromFarSide(first.CallConnectionId));
        center.Offer(second, ContactCenterHarness.Ana, "offer:free");
        center.Advance(center.Options.Simulation.AgentRingTimeMax + TimeSpan.FromSeconds(1));

        Assert.Single(center.Events(second, "AddParticipantSucceeded"));
        Assert.Equal(1, center.Engine.Desk.Stats().DoubleOffers);
    }

    [Fact]
    public void AddParticipant_AgentDeclined_FreeForTheNextOffer()
    {
        using var center = ContactCenterHarness.Create(s =>
        {
            s.AgentAcceptProbability = 0;
            s.AgentDeclineProbability = 1;
        });
        var first = center.StartConnected(Waiting);
        var second = center.StartConnected(Waiting);

        center.Offer(first, ContactCenterHarness.Ben, "offer:first");
        center.Advance(center.Options.Simulation.AgentRingTimeMax);
        Assert.Equal(603, (int)Assert.Single(center.Events(first, "AddParticipantFailed"))["resultInformation"]!["code"]!);
        center.Offer(second, ContactCenterHarness.Ben, "offer:second");
        center.Advance(TimeSpan.FromMilliseconds(150));

        Assert.Empty(center.Events(second, "AddParticipantFailed"));
        var stats = center.Engine.Desk.Stats();
        Assert.Equal((2, 0, 1), (stats.Offers, stats.DoubleOffers, stats.Declined));
    }

    [Fact]
    public void AddParticipant_AgentOutcomes_FollowTheConfiguredProbabilitiesAfterTheRingTime()
    {
        using var center = ContactCenterHarness.Create();
        var outcomes = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var call = center.StartConnected(Waiting);
            center.Offer(call, ContactCenterHarness.Ana, "offer:" + i);
            center.Advance(center.Options.Simulation.AgentRingTimeMin - TimeSpan.FromMilliseconds(500));
            Assert.Empty(center.Events(call, "AddParticipantSucceeded"));
            center.Advance(TimeSpan.FromSeconds(25)); // past the 20 s invitation timeout
            outcomes.Add(center.Events(call, "AddParticipantSucceeded").Count == 1 ? "accepted"
                : (int)center.Events(call, "AddParticipantFailed").Single()["resultInformation"]!["code"]! == 603 ? "declined" : "timedOut");
            center.Engine.EndFromFarSide(call.CallConnectionId);
        }

        // 85 % / 7 % / 8 % of 300: 255, 21 and 24 expected.
        Assert.InRange(outcomes.Count(o => o == "accepted"), 235, 275);
        Assert.InRange(outcomes.Count(o => o == "declined"), 8, 36);
        Assert.InRange(outcomes.Count(o => o == "timedOut"), 10, 40);
        Assert.Equal(0, center.Engine.Desk.Stats().DoubleOffers);
    }

    [Fact]
    public void AddParticipant_ScenarioScriptsTheInvitee_TheScriptWinsOverTheDevice()
    {
        using var center = ContactCenterHarness.Create();
        var scripted = new CallScenario(InvitationBehavior: InvitationBehavior.RingForever, PatienceSeconds: 600);
        var first = center.StartConnected(scripted);
        var second = center.StartConnected(scripted);

        center.Offer(first, ContactCenterHarness.Ana, "offer:first");
        center.Offer(second, ContactCenterHarness.Ana, "offer:second");
        center.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(center.Events(first, "AddParticipantFailed"));
        Assert.Empty(center.Events(second, "AddParticipantFailed"));
        Assert.Equal(0, center.Engine.Desk.Stats().Offers);
    }

    [Fact]
    public void AddParticipant_NotASimulatedAgent_KeepsTheGeneralInvitationBehaviour()
    {
        using var center = ContactCenterHarness.Create(s => s.InvitationAcceptProbability = 1);
        var first = center.StartConnected(Waiting);
        var second = center.StartConnected(Waiting);
        const string Supervisor = "8:acs:someone-else";

        center.Offer(first, Supervisor, "offer:first");
        center.Offer(second, Supervisor, "offer:second");
        center.Advance(center.Options.Simulation.InvitationAcceptDelayMax + TimeSpan.FromSeconds(1));

        Assert.Single(center.Events(first, "AddParticipantSucceeded"));
        Assert.Single(center.Events(second, "AddParticipantSucceeded"));
        Assert.Equal(0, center.Engine.Desk.Stats().Offers);
    }
}
