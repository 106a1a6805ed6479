using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Tests.Infrastructure;
using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.Tests;

/// <summary>The simulated callers on a manual clock: the menu key, the patience, the talk time, the hold music.</summary>
public sealed class ContactCenterCallerTests
{
    private static readonly PlayRequest HoldMusic = new(
        [new PlaySourceModel("file", new FileSourceModel("https://media.example.com/hold.wav"), null, null)], null, null, "play:hold", null,
        new PlayOptionsModel(Loop: true));

    private static RecognizeRequest Menu(AcsCall call) => new(
        "dtmf", new PlaySourceModel("file", new FileSourceModel("https://media.example.com/menu.wav"), null, null), null,
        new RecognizeOptionsModel(call.Caller, 10), "recognize:menu", null);

    [Fact]
    public void Recognize_SimulatedCaller_CompletesWithOneToneFromTheMenuWeightsAfterTheMenuTime()
    {
        using var center = ContactCenterHarness.Create(s =>
        {
            s.MenuWeights["1"] = 0; // every caller presses 2
            s.MenuTimeMin = TimeSpan.FromSeconds(4);
            s.MenuTimeMax = TimeSpan.FromSeconds(4);
        });
        var call = center.StartSimulatedCaller();

        Assert.Equal(202, center.Engine.Recognize(call.CallConnectionId, Menu(call)).StatusCode);
        center.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Empty(center.Events(call, "RecognizeCompleted"));
        center.Advance(TimeSpan.FromSeconds(1));

        var completed = Assert.Single(center.Events(call, "RecognizeCompleted"));
        Assert.Equal("recognize:menu", (string?)completed["operationContext"]);
        Assert.Equal("dtmf", (string?)completed["recognitionType"]);
        Assert.Equal(["two"], completed["dtmfResult"]!["tones"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public void Recognize_ManySimulatedCallers_ChoicesFollowTheDefaultWeights()
    {
        using var center = ContactCenterHarness.Create(s => s.PatientCallerShare = 1); // nobody hangs up during the menu
        var tones = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var call = center.StartSimulatedCaller();
            center.Engine.Recognize(call.CallConnectionId, Menu(call));
            center.Advance(center.Options.Simulation.MenuTimeMax + TimeSpan.FromSeconds(1));
            tones.Add((string)Assert.Single(center.Events(call, "RecognizeCompleted"))["dtmfResult"]!["tones"]![0]!);
        }

        // 55 % "1" and 45 % "2": 220 of 400 expected, the binomial standard deviation is about 10.
        Assert.All(tones, t => Assert.Contains(t, new[] { "one", "two" }));
        Assert.InRange(tones.Count(t => t == "one"), 180, 260);
    }

    [Fact]
    public void Patience_NoAgentConnected_CallerHangsUpAndIsCountedAbandoned()
    {
        using var center = ContactCenterHarness.Create();
        var call = center.StartConnected(new CallScenario(PatienceSeconds: 45));

        center.Advance(TimeSpan.FromSeconds(44));
        Assert.Empty(center.Events(call, "CallDisconnected"));
        center.Advance(TimeSpan.FromSeconds(2));

        Assert.Single(center.Events(call, "CallDisconnected"));
        Assert.Equal(AcsCallState.Disconnected, call.State);
        var stats = center.Engine.Desk.Stats();
        Assert.Equal(1, stats.Abandoned);
        Assert.Equal(0, stats.Answered);
    }

    [Fact]
    public void Patience_SimulatedCallers_NoneBeforeTheMinimumAndOnlyThePatientShareStays()
    {
        using var center = ContactCenterHarness.Create(s =>
        {
            s.PatienceMean = TimeSpan.FromSeconds(60);
            s.PatientCallerShare = 0.25;
        });
        var calls = Enumerable.Range(0, 200).Select(_ => center.Arrive(ContactCenterHarness.Caller)).ToList();
        center.Advance(center.Options.Simulation.ConnectDelay);
        Assert.All(calls, c => Assert.Equal(AcsCallState.Connected, c.State));

        center.Advance(center.Options.Simulation.PatienceMin - TimeSpan.FromSeconds(1));
        Assert.Equal(0, center.Engine.Desk.Stats().Abandoned);
        center.Advance(TimeSpan.FromMinutes(20)); // 30 means of the exponential part: every impatient caller is gone

        // A quarter never hang up: 50 of 200 expected, binomial standard deviation about 6.
        Assert.InRange(calls.Count(c => c.State == AcsCallState.Connected), 30, 70);
        Assert.Equal(calls.Count(c => c.State == AcsCallState.Disconnected), center.Engine.Desk.Stats().Abandoned);
    }

    [Fact]
    public void HandleTime_AgentConnected_PatienceStopsAndCallerHangsUpAfterTheTalk()
    {
        using var center = ContactCenterHarness.Create();
        var call = center.StartConnected(new CallScenario(
            InvitationBehavior: InvitationBehavior.AcceptAfter, AcceptAfterSeconds: 5, PatienceSeconds: 30, HandleTimeSeconds: 120));

        center.Offer(call, ContactCenterHarness.Ana, "offer:ana");
        center.Advance(TimeSpan.FromSeconds(6));
        Assert.Single(center.Events(call, "AddParticipantSucceeded"));
        center.Advance(TimeSpan.FromSeconds(60)); // past the patience: the caller is talking, not waiting
        Assert.Empty(center.Events(call, "CallDisconnected"));
        center.Advance(TimeSpan.FromSeconds(60));

        Assert.Single(center.Events(call, "CallDisconnected"));
        var stats = center.Engine.Desk.Stats();
        Assert.Equal((1, 1, 0), (stats.Answered, stats.Handled, stats.Abandoned));
        Assert.Equal("idle", stats.Agents.Single(a => a.Id == ContactCenterHarness.Ana).State);
    }

    [Fact]
    public void HandleTime_SimulatedCallers_LognormalAroundTheMeanAndClamped()
    {
        using var center = ContactCenterHarness.Create(s =>
        {
            s.HandleTimeMean = TimeSpan.FromSeconds(100);
            s.HandleTimeSpread = 0.5;
            s.HandleTimeMin = TimeSpan.FromSeconds(30);
            s.HandleTimeMax = TimeSpan.FromSeconds(400);
        });
        var talks = Enumerable.Range(0, 500).Select(_ => center.StartSimulatedCaller().Plan!.HandleTime!.Value.TotalSeconds).ToList();

        Assert.All(talks, t => Assert.InRange(t, 30, 400));
        Assert.InRange(talks.Average(), 90, 110);
        Assert.True(talks.Distinct().Count() > 400, "talk times are drawn, not fixed");
        // Skewed like real talk times: the median is below the mean.
        Assert.True(talks.Order().ElementAt(250) < talks.Average());
    }

    [Fact]
    public void Play_LoopedHoldMusic_RunsUntilCanceledAndTheMenuStillRuns()
    {
        using var center = ContactCenterHarness.Create(s => s.PatientCallerShare = 1);
        var call = center.StartSimulatedCaller();

        center.Engine.Play(call.CallConnectionId, HoldMusic);
        center.Engine.Recognize(call.CallConnectionId, Menu(call));
        center.Advance(TimeSpan.FromMinutes(30));

        Assert.Single(center.Events(call, "PlayStarted"));
        Assert.Single(center.Events(call, "RecognizeCompleted"));
        Assert.Empty(center.Events(call, "PlayCompleted"));
        Assert.Equal(MediaStatus.Running, call.Media[0].Status);

        center.Engine.CancelAllMediaOperations(call.CallConnectionId);
        center.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("play:hold", (string?)Assert.Single(center.Events(call, "PlayCanceled"))["operationContext"]);
    }

    [Fact]
    public void Roster_SimulatedCallByDefault_NoStrangersJoin()
    {
        using var center = ContactCenterHarness.Create(s => s.PatientCallerShare = 1);
        var call = center.StartSimulatedCaller();

        center.Advance(TimeSpan.FromMinutes(30));

        Assert.Single(center.Events(call, "ParticipantsUpdated"));
        Assert.Equal([call.Caller.RawId], call.Participants.Select(p => p.Identifier.RawId));
    }

    [Fact]
    public void Roster_RandomParticipantsOn_StrangersJoin()
    {
        using var center = ContactCenterHarness.Create(s =>
        {
            s.PatientCallerShare = 1;
            s.RandomParticipants = true;
        });
        var call = center.StartSimulatedCaller();

        center.Advance(TimeSpan.FromMinutes(30));

        Assert.True(center.Events(call, "ParticipantsUpdated").Count > 1);
    }
}
