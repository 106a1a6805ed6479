using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Tests.Store;
using static CallSupervisor.Core.Tests.Store.TestEvents;

namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>
/// A morning on the board as an event log would hold it: four calls on ACS and Graph, rosters (one stale, one after
/// the call ended), invitations accepted, cancelled, lost to a race, expired and answered before they were known,
/// media completed, cancelled by a supervisor and expired, supervisor actions confirmed, failed, refused, expired
/// and ended with their call, a reconciliation, and redeliveries of callbacks already applied.
/// </summary>
internal static class EventLogScenario
{
    private static readonly CallId Call3 = new("call-3");
    private static readonly CallId Call4 = new("call-4");

    public static IReadOnlyList<CallEvent> Events()
    {
        var e = new TestEvents();
        var list = new List<CallEvent>();
        var at = () => e.Now;

        // call-1 (ACS): caller and agent; a second agent invited who accepts; hold music.
        var connected = e.Connected() with { CallerName = "Carla Caller" };
        list.Add(connected);
        var roster1 = e.Roster(1, In(Caller), In(TestEvents.Agent));
        list.Add(roster1);
        list.Add(e.Invite("inv-1", "add-1", Agent2) with { TargetName = "Ben TestEvents.Agent" });
        list.Add(e.MediaStarted("play-1"));
        list.Add(connected);
        list.Add(Requested(Call1, at().AddSeconds(1), ActionKind.Mute, TestEvents.Agent.RawId, "alice", "supervisor-mute:1"));
        list.Add(new AddParticipantSucceeded(e.NextId(), Call1, at().AddSeconds(2), "add-1", Agent2));
        list.Add(e.Roster(2, In(Caller), In(TestEvents.Agent, muted: true), In(Agent2, onHold: true)));
        list.Add(roster1 with { EventId = e.NextId() });
        list.Add(Requested(Call1, at().AddSeconds(1), ActionKind.CancelMedia, "", "alice", "supervisor-cancel-media:1"));
        list.Add(e.MediaEnded("play-1", MediaStatus.Cancelled, new ResultInfo(200, 0, "Play cancelled")));
        var failedMute = Requested(Call1, at().AddSeconds(1), ActionKind.Mute, Agent2.RawId, "bob", "supervisor-mute:2");
        list.Add(failedMute);
        list.Add(new ActionFailed(e.NextId(), Call1, at().AddSeconds(2), failedMute.Action, new TelephonyError(403, "Forbidden", "Not allowed")));
        list.Add(Requested(Call1, at().AddSeconds(1), ActionKind.Mute, Caller.RawId, "bob", "supervisor-mute:3"));

        // call-2 (Graph): a Teams user on hold; an invitation the supervisor cancels.
        list.Add(e.Connected(Call2, CallPlatform.Graph));
        list.Add(e.RosterFor(Call2, 1, In(TeamsUser, onHold: true), In(Caller)));
        list.Add(e.Invite("inv-2", "add-2", TestEvents.Agent, Call2));
        list.Add(Requested(Call2, at().AddSeconds(1), ActionKind.CancelInvitation, "inv-2", "carol", "supervisor-cancel-invitation:1"));
        list.Add(new CancelAddParticipantSucceeded(e.NextId(), Call2, at().AddSeconds(2), new InvitationId("inv-2"), "supervisor-cancel-invitation:1"));

        // call-3: heard of first through a roster (unknown call), then reconciled; things that time out.
        list.Add(e.RosterFor(Call3, 4, In(TestEvents.Agent), In(Caller)));
        list.Add(new CallReconciled(e.NextId(), Call3, at().AddSeconds(1),
            new CallDetails(Call3, "server-3", "correlation-3", CallState.Connected, Caller, [TestEvents.Agent, Agent2]),
            [In(TestEvents.Agent), In(Caller) with { DisplayName = "Carla" }], 4));
        list.Add(new MediaOperationStarted(e.NextId(), Call3, at().AddSeconds(1), new MediaOperationId("rec-3"), MediaKind.Recognize, "menu"));
        list.Add(new MediaExpired(e.NextId(), Call3, at().AddMinutes(10), new MediaOperationId("rec-3")));
        list.Add(new AddParticipantFailed(e.NextId(), Call3, at().AddSeconds(1), "add-3b", Agent2, new ResultInfo(486, 5001, "Busy")));
        list.Add(e.Invite("inv-3b", "add-3b", Agent2, Call3));
        list.Add(e.Invite("inv-3", "add-3", Agent2, Call3));
        list.Add(new InvitationExpired(e.NextId(), Call3, at().AddMinutes(2), new InvitationId("inv-3")));
        list.Add(Requested(Call3, at().AddSeconds(1), ActionKind.Mute, TestEvents.Agent.RawId, "alice", "supervisor-mute:4"));
        list.Add(new ActionExpired(e.NextId(), Call3, at().AddMinutes(1), "supervisor-mute:4"));

        // call-4: answered by this app before CallConnected.
        list.Add(new CallAnswered(e.NextId(), Call4, at().AddSeconds(1), "server-4", "correlation-4", Caller, TestEvents.Agent, "Dora"));
        list.Add(e.Connected(Call4));

        // call-1 again: a cancel that loses to the invitee accepting; a mute pending when the call ends.
        list.Add(e.Invite("inv-4", "add-4", TeamsUser));
        list.Add(Requested(Call1, at().AddSeconds(1), ActionKind.CancelInvitation, "inv-4", "alice", "supervisor-cancel-invitation:2"));
        list.Add(new AddParticipantSucceeded(e.NextId(), Call1, at().AddSeconds(1), "add-4", TeamsUser));
        list.Add(e.CancelFailed("inv-4"));
        list.Add(Requested(Call1, at().AddSeconds(1), ActionKind.Mute, Agent2.RawId, "carol", "supervisor-mute:5"));
        list.Add(e.Disconnected(Call2, new ResultInfo(0, 0, "Call ended")));
        list.Add(e.Disconnected());
        list.Add(e.Roster(9, In(Caller)));
        list.Add(roster1);
        list.Add(e.MediaStarted("play-9", callId: Call4));
        return list;
    }

    private static ActionRequested Requested(CallId callId, DateTimeOffset at, ActionKind kind, string target, string supervisor, string operationContext) =>
        new($"action:{operationContext}", callId, at, new PendingAction(kind, target, new SupervisorRequest(supervisor, at, operationContext, "oid-" + supervisor)));

    public static CallStore NewStore(int maxActivity = 200, int maxEventIds = 10_000, StoreCheckpoint? checkpoint = null, IActionOutcomeObserver? outcomes = null) =>
        new(new ManualTimeProvider(), new CallStoreOptions(TimeSpan.Zero, maxActivity, maxEventIds), outcomes, checkpoint);
}
