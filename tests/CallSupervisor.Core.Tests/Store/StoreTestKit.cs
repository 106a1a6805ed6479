namespace CallSupervisor.Core.Tests.Store;

/// <summary>Store construction and common arrangements.</summary>
internal static class StoreTestKit
{
    public static CallStore NewStore(TimeProvider? time = null, int maxActivity = 200, int maxEventIds = 10_000, IActionOutcomeObserver? outcomes = null) =>
        new(time ?? new ManualTimeProvider(), new CallStoreOptions(TimeSpan.Zero, maxActivity, maxEventIds), outcomes);

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

    /// <summary>A request at 09:30:00; each gets its own operationContext unless one is given.</summary>
    /// <summary>A signed-in user named <paramref name="name"/> with the given roles (Supervisor by default).</summary>
    public static Actor As(string name, params string[] roles) =>
        new("oid-" + name, name, roles.Length == 0 ? [SupervisorRoles.Supervisor] : [.. roles]);

    public static SupervisorRequest Request(string supervisor = "alice", string? operationContext = null) =>
        new(supervisor, new DateTimeOffset(2026, 1, 1, 9, 30, 0, TimeSpan.Zero), operationContext ?? "supervisor-test:" + Guid.NewGuid().ToString("N"));

    /// <summary>Marks an action pending as the executor does (availability checked atomically); the outcome says whether it was.</summary>
    public static ApplyOutcome MarkPending(this CallStore store, ActionKind kind, string target, SupervisorRequest? request = null, CallId? callId = null)
    {
        request ??= Request();
        return store.Apply(new ActionRequested($"action:{request.OperationContext}", callId ?? TestEvents.Call1, request.RequestedAt, new PendingAction(kind, target, request)));
    }

    public static ApplyOutcome MarkMute(this CallStore store, CommunicationIdentifier who, SupervisorRequest? request = null) =>
        store.MarkPending(ActionKind.Mute, who.RawId, request);

    public static ApplyOutcome MarkCancel(this CallStore store, string invitationId = "inv-1", SupervisorRequest? request = null) =>
        store.MarkPending(ActionKind.CancelInvitation, invitationId, request);

    public static ApplyOutcome MarkCancelMedia(this CallStore store, SupervisorRequest? request = null, CallId? callId = null) =>
        store.MarkPending(ActionKind.CancelMedia, "", request, callId);

    public static bool IsMutePending(this CallStore store, CommunicationIdentifier who) =>
        store.Call1().PendingFor(ActionKind.Mute, who.RawId) is not null;

    public static bool IsCancelling(this CallStore store, string invitationId = "inv-1") =>
        store.Call1().PendingFor(ActionKind.CancelInvitation, invitationId) is not null;

    public static bool IsMediaCancelPending(this CallStore store) =>
        store.Call1().PendingFor(ActionKind.CancelMedia, "") is not null;
}
