using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Web.Tests;

/// <summary>Calls as the supervisor actions find them: one with its agent, one whose agent left, a supervisor listening.</summary>
internal static class SupervisorCallSteps
{
    /// <summary>call-1 queued in Sales, offered to Ana, who answered: the caller and Ana are in it.</summary>
    public static void WithAgentInCall(this CallStore store, TestEvents events)
    {
        store.Queued(events, TestEvents.Call1, "sales");
        store.Offered(events, TestEvents.Call1, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        store.Answered(events, TestEvents.Call1, "offer-1");
        store.Apply(events.Roster(1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent)));
    }

    /// <summary>Ana left the call: the caller is alone (stranded).</summary>
    public static void AgentLeft(this CallStore store, TestEvents events) =>
        store.Apply(events.Roster(2, TestEvents.In(TestEvents.Caller)));

    /// <summary>Sam Supervisor's endpoint listens in (asked, then in the roster with the caller and Ana).</summary>
    public static void SamListening(this CallStore store, TestEvents events, int sequence = 2)
    {
        store.MarkPending(ActionKind.Listen, TestDirectory.Sam.RawId, StoreTestKit.Request("Sam Supervisor"));
        store.Apply(events.Roster(sequence, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent), TestEvents.In(TestDirectory.Sam, muted: true)));
    }
}
