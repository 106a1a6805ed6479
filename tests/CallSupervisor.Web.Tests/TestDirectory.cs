using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Web.Tests;

/// <summary>A small contact center: Sales and Support, Ana (both queues, the store's Agent), Ben (Sales, Agent2) and Cleo (Support).</summary>
internal static class TestDirectory
{
    public static readonly CommunicationIdentifier Cleo = CommunicationIdentifier.AcsUser("8:acs:agent-0003-cccccccccccccccccccccccc");

    public static readonly ContactCenterDirectory Center = new(
        [new QueueProfile("sales", "Sales", "1"), new QueueProfile("support", "Support", "2")],
        [
            new AgentProfile("ana", "Ana Lima", TestEvents.Agent, ["sales", "support"]),
            new AgentProfile("ben", "Ben Okafor", TestEvents.Agent2, ["sales"]),
            new AgentProfile("cleo", "Cleo Park", Cleo, ["support"]),
        ]);
}
