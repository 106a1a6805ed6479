using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Tests.Store;

/// <summary>
/// Builds events with fresh ids and a clock that moves one second per event, so tests state only what matters.
/// </summary>
internal sealed class TestEvents
{
    public static readonly CallId Call1 = new("call-1");
    public static readonly CallId Call2 = new("call-2");
    public static readonly CommunicationIdentifier Agent = CommunicationIdentifier.AcsUser("8:acs:agent-0001-aaaaaaaaaaaaaaaaaaaaaaaa");
    public static readonly CommunicationIdentifier Agent2 = CommunicationIdentifier.AcsUser("8:acs:agent-0002-bbbbbbbbbbbbbbbbbbbbbbbb");
    public static readonly CommunicationIdentifier Caller = CommunicationIdentifier.Phone("+14255550123");
    public static readonly CommunicationIdentifier TeamsUser = CommunicationIdentifier.TeamsUser("7f0c4d5e-teams-user");

    private int _next;

    public DateTimeOffset Now { get; private set; } = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public string NextId() => $"evt-{++_next}";

    private DateTimeOffset Tick() => Now = Now.AddSeconds(1);

    public CallConnected Connected(CallId? callId = null, CallPlatform platform = CallPlatform.Acs) =>
        new(NextId(), callId ?? Call1, Tick(), platform, "server-call-1", "correlation-1", Caller, Agent);

    public CallDisconnected Disconnected(CallId? callId = null, ResultInfo? result = null) =>
        new(NextId(), callId ?? Call1, Tick(), result);

    public ParticipantsUpdated Roster(int sequence, params ParticipantState[] participants) =>
        RosterFor(Call1, sequence, participants);

    public ParticipantsUpdated RosterFor(CallId callId, int sequence, params ParticipantState[] participants) =>
        new(NextId(), callId, Tick(), sequence, [.. participants]);

    /// <summary>A roster without a sequence number (older API versions), sent at <paramref name="at"/> (default: the next tick).</summary>
    public ParticipantsUpdated UnsequencedRoster(DateTimeOffset? at, params ParticipantState[] participants) =>
        new(NextId(), Call1, at ?? Tick(), null, [.. participants]);

    public static ParticipantState In(CommunicationIdentifier who, bool muted = false, bool onHold = false) => new(who, muted, onHold);

    public InvitationRequested Invite(string invitationId = "inv-1", string operationContext = "add-1", CommunicationIdentifier? target = null, CallId? callId = null) =>
        new(NextId(), callId ?? Call1, Tick(), new InvitationId(invitationId), target ?? Caller, operationContext, TimeSpan.FromSeconds(30));

    public AddParticipantSucceeded AddSucceeded(string? operationContext = "add-1", CallId? callId = null) =>
        new(NextId(), callId ?? Call1, Tick(), operationContext, Caller);

    public AddParticipantFailed AddFailed(string? operationContext = "add-1", int code = 500, CallId? callId = null) =>
        new(NextId(), callId ?? Call1, Tick(), operationContext, Caller, new ResultInfo(code, 1, "failure text"));

    public CancelAddParticipantSucceeded CancelSucceeded(string invitationId = "inv-1") =>
        new(NextId(), Call1, Tick(), new InvitationId(invitationId), "cancel-ctx");

    public CancelAddParticipantFailed CancelFailed(string invitationId = "inv-1") =>
        new(NextId(), Call1, Tick(), new InvitationId(invitationId), "cancel-ctx", new ResultInfo(400, 8523, "invitation already accepted"));

    public MediaOperationStarted MediaStarted(string operationId = "play-1", string? description = "hold music", CallId? callId = null) =>
        new(NextId(), callId ?? Call1, Tick(), new MediaOperationId(operationId), MediaKind.Play, description);

    /// <summary>What a re-read of call-1 from ACS returned; <paramref name="observedSequence"/> is the board's roster sequence when it started.</summary>
    public CallReconciled Reconciled(CallState state, int? observedSequence, params ParticipantState[] participants) =>
        new(NextId(), Call1, Tick(), new CallDetails(Call1, "server-9", "correlation-9", state, Caller, [Agent]), [.. participants], observedSequence);

    public InvitationExpired InvitationExpired(string invitationId = "inv-1") => new(NextId(), Call1, Tick(), new InvitationId(invitationId));

    public MediaExpired MediaExpired(string operationId = "play-1") => new(NextId(), Call1, Tick(), new MediaOperationId(operationId));

    public MediaOperationEnded MediaEnded(string operationId = "play-1", MediaStatus outcome = MediaStatus.Completed, ResultInfo? result = null) =>
        new(NextId(), Call1, Tick(), new MediaOperationId(operationId), MediaKind.Play, outcome, result);
}
