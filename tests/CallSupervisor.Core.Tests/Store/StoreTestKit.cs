using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Core.Tests.Store;

/// <summary>Store construction and common arrangements.</summary>
internal static class StoreTestKit
{
    public static CallStore NewStore(TimeProvider? time = null, int maxActivity = 200, int maxEventIds = 10_000) =>
        new(time ?? new ManualTimeProvider(), new CallStoreOptions(TimeSpan.Zero, maxActivity, maxEventIds));

    public static Call Call1(this CallStore store) => store.Current.Find(TestEvents.Call1) ?? throw new InvalidOperationException("call-1 is not in the store");

    public static Invitation Invitation(this CallStore store, string invitationId = "inv-1") =>
        store.Call1().Invitations[new InvitationId(invitationId)];

    public static MediaOperation Media(this CallStore store, string operationId = "play-1") =>
        store.Call1().MediaOperations[new MediaOperationId(operationId)];

    public static Participant Participant(this CallStore store, CommunicationIdentifier who) =>
        store.Call1().Participants[who.RawId];

    /// <summary>A connected ACS call with the caller and an agent in it.</summary>
    public static CallStore WithConnectedCall(this CallStore store, TestEvents events, CallPlatform platform = CallPlatform.Acs)
    {
        store.Apply(events.Connected(platform: platform));
        store.Apply(events.Roster(1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent)));
        return store;
    }

    public static SupervisorRequest Request(string supervisor = "alice", string operationContext = "supervisor-test:1") =>
        new(supervisor, new DateTimeOffset(2026, 1, 1, 9, 30, 0, TimeSpan.Zero), operationContext);
}
