using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Web.Tests;

/// <summary>
/// The contact center's events as the router and the agents would append them, on the store the tests read (see
/// <see cref="TestDirectory"/> for the agents). Each step happens at the events' clock (<see cref="TestEvents.Now"/>).
/// </summary>
internal static class ContactCenterSteps
{
    /// <summary>A caller connects and queues in <paramref name="queue"/>.</summary>
    public static void Queued(this CallStore store, TestEvents events, CallId callId, string queue)
    {
        store.Apply(events.Connected(callId));
        store.Apply(new CallQueued(events.NextId(), callId, events.Now, queue));
    }

    /// <summary>The router offers the call to <paramref name="agentId"/>, and ACS takes the invitation (it rings).</summary>
    public static void Offered(this CallStore store, TestEvents events, CallId callId, string agentId, CommunicationIdentifier agent, string name, string context)
    {
        store.Apply(new OfferPlanned(events.NextId(), callId, events.Now, agentId, agent, context) { AgentName = name });
        store.Apply(events.Invite("inv-" + context, context, agent, callId));
    }

    /// <summary>The agent offered the call answers it.</summary>
    public static void Answered(this CallStore store, TestEvents events, CallId callId, string context) =>
        store.Apply(events.AddSucceeded(context, callId));

    /// <summary>The caller is in the menu (the DTMF recognition runs).</summary>
    public static void InMenu(this CallStore store, TestEvents events, CallId callId)
    {
        store.Apply(events.Connected(callId));
        store.Apply(new MediaOperationStarted(events.NextId(), callId, events.Now, new MediaOperationId("menu-" + callId.Value), MediaKind.Recognize, "menu"));
    }

    public static void Presence(this CallStore store, TestEvents events, string agentId, AgentPresence presence, string? reason = null) =>
        store.Apply(new AgentStateChanged(events.NextId(), events.Now, agentId, presence, reason));
}
