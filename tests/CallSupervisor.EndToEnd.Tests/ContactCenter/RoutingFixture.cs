using CallSupervisor.EndToEnd.Tests.ServiceLayer;

namespace CallSupervisor.EndToEnd.Tests.ContactCenter;

/// <summary>
/// The app on the emulator's contact center, sped up: callers arrive every two seconds on average, press a key after a
/// second or two, wait at most half a minute, talk for about twelve seconds; agents ring for one to three seconds and
/// decline a quarter of the offers; an unanswered offer rings six seconds; wrap-up is two seconds.
/// </summary>
public sealed class RoutingFixture : ServiceFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Emulator:Simulation:Enabled"] = "true",
        ["Emulator:Simulation:GraphCallShare"] = "0",
        ["Emulator:Simulation:ArrivalsPerMinute"] = "30",
        ["Emulator:Simulation:InitialCalls"] = "6",
        ["Emulator:Simulation:MenuTimeMin"] = "00:00:01",
        ["Emulator:Simulation:MenuTimeMax"] = "00:00:02",
        ["Emulator:Simulation:PatienceMin"] = "00:00:08",
        ["Emulator:Simulation:PatienceMean"] = "00:00:30",
        ["Emulator:Simulation:HandleTimeMean"] = "00:00:12",
        ["Emulator:Simulation:HandleTimeMin"] = "00:00:05",
        ["Emulator:Simulation:HandleTimeMax"] = "00:00:30",
        ["Emulator:Simulation:AgentRingTimeMin"] = "00:00:01",
        ["Emulator:Simulation:AgentRingTimeMax"] = "00:00:03",
        ["Emulator:Simulation:AgentAcceptProbability"] = "0.6",
        ["Emulator:Simulation:AgentDeclineProbability"] = "0.25",
        ["Workflow:InvitationTimeout"] = "00:00:06",
        ["Workflow:WrapUpTime"] = "00:00:02",
        ["Workflow:MissedOffersToAway"] = "3",
    };
}
