using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Web.Tests;

/// <summary>
/// A small contact center: Sales and Support, Ana (both queues, the store's Agent), Ben (Sales, Agent2) and Cleo
/// (Support), and the own endpoint (an ACS user) of Sam Supervisor, the user the test context signs in.
/// </summary>
internal static class TestDirectory
{
    public static readonly CommunicationIdentifier Cleo = CommunicationIdentifier.AcsUser("8:acs:agent-0003-cccccccccccccccccccccccc");

    public static readonly CommunicationIdentifier Sam = CommunicationIdentifier.AcsUser("8:acs:supervisor-0009-ssssssssssssssssssssssss");

    public static readonly ContactCenterDirectory Center = new(
        [new QueueProfile("sales", "Sales", "1"), new QueueProfile("support", "Support", "2")],
        [
            new AgentProfile("ana", "Ana Lima", TestEvents.Agent, ["sales", "support"]),
            new AgentProfile("ben", "Ben Okafor", TestEvents.Agent2, ["sales"]),
            new AgentProfile("cleo", "Cleo Park", Cleo, ["support"]),
        ])
    {
        Supervisors = [new SupervisorProfile("sam", "oid-Sam-Supervisor", "Sam Supervisor", Sam)],
    };
}
