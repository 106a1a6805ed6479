using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

/// <summary>One call as the dashboard shows it. Immutable: the store replaces it on every change.</summary>
/// <remarks>
/// <para><c>StartedAt</c>: When the call connected, or when the store first heard of it if CallConnected was missed.</para>
/// <para><c>Participants</c>: The latest roster, keyed by <see cref="CommunicationIdentifier.RawId"/>.</para>
/// <para><c>LastRosterSequence</c>: Sequence number of the roster applied last; null until a ParticipantsUpdated arrives.</para>
/// <para><c>NeedsReconcile</c>:
/// The store learnt of the call from an event other than CallConnected (callbacks raced, or the app restarted):
/// details may be missing and are fetched first (GET call / list participants) and applied as a
/// <see cref="Events.CallReconciled"/>.
/// </para>
/// </remarks>
public sealed record Call(
    CallId CallId,
    CallPlatform Platform,
    string? ServerCallId,
    string? CorrelationId,
    CallState State,
    CommunicationIdentifier? Caller,
    CommunicationIdentifier? Callee,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    ImmutableDictionary<string, Participant> Participants,
    ImmutableDictionary<InvitationId, Invitation> Invitations,
    ImmutableDictionary<MediaOperationId, MediaOperation> MediaOperations,
    int? LastRosterSequence,
    bool NeedsReconcile)
{
    /// <summary>
    /// When the roster shown was sent (the OccurredAt of the roster applied last, with or without a sequence number); null
    /// until one arrives. A roster without a sequence number is applied only if it is newer than this.
    /// </summary>
    public DateTimeOffset? LastRosterAt { get; init; }

    /// <summary>The result information of CallDisconnected, if any.</summary>
    public ResultInfo? EndResult { get; init; }

    /// <summary>
    /// AddParticipantSucceeded/Failed whose operationContext matched no invitation yet, keyed by operationContext.
    /// The callback can overtake the app's own handling of the AddParticipant response (which raises
    /// InvitationRequested); the outcome is kept here and applied when the invitation arrives.
    /// </summary>
    public ImmutableDictionary<string, EarlyAddResult> UnmatchedAddResults { get; init; } =
        ImmutableDictionary<string, EarlyAddResult>.Empty;

    /// <summary>
    /// Display names the app knows for people of this call, by raw id: the caller's (from the IncomingCall) and the
    /// agents' it invited (from configuration). Read through <see cref="ParticipantNames"/>.
    /// </summary>
    public ImmutableDictionary<string, string> Names { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Roles of people a supervisor brought into the call (a supervisor listening in, a transfer target), by raw id;
    /// callers and agents are known without it (see <see cref="ParticipantNames.RoleOf"/>).
    /// </summary>
    public ImmutableDictionary<string, ParticipantRole> Roles { get; init; } = ImmutableDictionary<string, ParticipantRole>.Empty;

    /// <summary>Supervisor actions sent and not yet settled, keyed by their operationContext.</summary>
    public ImmutableDictionary<string, CallSupervisor.Core.Events.PendingAction> PendingActions { get; init; } =
        ImmutableDictionary<string, CallSupervisor.Core.Events.PendingAction>.Empty;

    /// <summary>The queue the caller waits in (or waited in, once an agent took the call); null before the menu's choice.</summary>
    public string? QueueId { get; init; }

    /// <summary>When the caller first queued: their wait is counted from here, whatever offers came between.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>The offer in progress (planned or ringing), if any.</summary>
    public Offer? Offer { get; init; }

    /// <summary>The agent who took the call (set when they joined, kept after they left).</summary>
    public string? AgentId { get; init; }

    public CommunicationIdentifier? AgentIdentity { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>When the current agent joined (differs from <see cref="AnsweredAt"/> after a rescue or a transfer).</summary>
    public DateTimeOffset? AgentSince { get; init; }

    /// <summary>When the agent left a call that went on (the caller then waits with nobody).</summary>
    public DateTimeOffset? AgentLeftAt { get; init; }

    /// <summary>Supervisors listening in or joined, by their endpoint's raw id.</summary>
    /// <remarks>
    /// A checkpoint written before this member existed passes null for it (the JSON generator sets init members like
    /// constructor arguments): read as none.
    /// </remarks>
    public ImmutableDictionary<string, SupervisorInCall> Supervisors
    {
        get;
        init => field = value ?? ImmutableDictionary<string, SupervisorInCall>.Empty;
    } = ImmutableDictionary<string, SupervisorInCall>.Empty;

    /// <summary>The call's recording, once one was started from the board.</summary>
    public Recording? Recording { get; init; }

    /// <summary>The number the agent handed the caller to (a transfer out of the contact center), once ACS accepted it.</summary>
    public CommunicationIdentifier? TransferredTo { get; init; }

    /// <summary>
    /// This app answered the call (CallAnswered): its caller goes through the menu and the queues, so a hang-up before a
    /// queue is "ended in the menu"; other calls on the board are only watched.
    /// </summary>
    public bool Routed { get; init; }

    /// <summary>The queues, offers, holds, transfers and actions so far: what the call record is read from.</summary>
    /// <remarks>Null in a checkpoint written before it was kept: read as empty.</remarks>
    public CallJourney Journey
    {
        get;
        init => field = value ?? CallJourney.Empty;
    } = CallJourney.Empty;

    /// <summary>The latest acknowledgement of the call's alert, if any.</summary>
    public Acknowledgement? Acknowledged { get; init; }

    /// <summary>The time of the newest event applied to the call: how fresh what the board shows is.</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Offers made on this call, and how many of them the agents declined or did not answer.</summary>
    public int Offers { get; init; }

    public int MissedOffers { get; init; }

    /// <summary>A live caller in a queue with no agent yet: waiting.</summary>
    public bool IsQueued => IsLive && QueueId is not null && AgentId is null;

    /// <summary>The caller hung up (or was lost) while queued, before any agent took the call.</summary>
    public bool IsAbandoned => !IsLive && QueueId is not null && AgentId is null;

    /// <summary>
    /// Talk (from the answer until the agent left or <paramref name="ended"/>, less hold) and the caller's hold, for a
    /// call that ended at <paramref name="ended"/>; zero for a call nobody answered.
    /// </summary>
    public (TimeSpan Talk, TimeSpan Hold) TalkAndHold(DateTimeOffset ended)
    {
        var hold = Journey.HoldUntil(ended);
        if (AnsweredAt is not { } answered)
        {
            return (TimeSpan.Zero, hold);
        }
        var agentUntil = AgentLeftAt is { } left && left < ended ? left : ended;
        var talk = agentUntil - answered - hold;
        return (talk < TimeSpan.Zero ? TimeSpan.Zero : talk, hold);
    }

    /// <summary>How long the caller has waited (until <paramref name="now"/>, the answer or the end).</summary>
    public TimeSpan? Wait(DateTimeOffset now) =>
        QueuedAt is { } queued ? (AnsweredAt ?? EndedAt ?? now) - queued : null;

    /// <summary>
    /// The call as it is once the offer's agent is in it: theirs from now on (a caller rescued after their agent
    /// left, or handed over by a transfer, keeps the time of the first answer).
    /// </summary>
    public Call TakenBy(Offer offer, DateTimeOffset at) => this with
    {
        Offer = null,
        AgentId = offer.AgentId,
        AgentIdentity = offer.Agent,
        AnsweredAt = AnsweredAt ?? at,
        AgentSince = at,
        AgentLeftAt = null,
        TransferredTo = null,
    };

    /// <summary>How the latest supervisor actions on this call ended (newest last, a few kept).</summary>
    public ImmutableList<CallSupervisor.Core.Model.ActionOutcome> ActionOutcomes { get; init; } = ImmutableList<CallSupervisor.Core.Model.ActionOutcome>.Empty;

    /// <summary>The pending action of <paramref name="kind"/> on <paramref name="target"/>, if one is in flight.</summary>
    public CallSupervisor.Core.Events.PendingAction? PendingFor(CallSupervisor.Core.Events.ActionKind kind, string target)
    {
        foreach (var pending in PendingActions.Values)
        {
            if (pending.Kind == kind && pending.Target == target)
            {
                return pending;
            }
        }
        return null;
    }

    /// <summary>How the action sent with <paramref name="operationContext"/> ended, once it has.</summary>
    public CallSupervisor.Core.Model.ActionOutcome? OutcomeOf(string operationContext) =>
        ActionOutcomes.FindLast(o => o.OperationContext == operationContext);

    public bool IsLive => State != CallState.Disconnected;

    /// <summary>This call's contribution to <see cref="CallsSnapshot.Counts"/> (ended calls contribute nothing).</summary>
    public CallCounts Counts => IsLive ? LiveCounts() : default;

    private CallCounts LiveCounts()
    {
        int open = 0, accepted = 0, media = 0, onHold = 0;
        foreach (var invitation in Invitations.Values)
        {
            open += invitation.IsOpen ? 1 : 0;
            accepted += invitation.Status == InvitationStatus.Accepted ? 1 : 0;
        }
        foreach (var operation in MediaOperations.Values)
        {
            media += operation.IsActive ? 1 : 0;
        }
        foreach (var participant in Participants.Values)
        {
            onHold += participant.IsOnHold ? 1 : 0;
        }
        // Waiting: a queued caller; for a call outside the queues (watched only), an invitation still ringing.
        var waiting = IsQueued || (QueueId is null && open > 0 && accepted == 0);
        return new CallCounts(1, Participants.Count, open, media, waiting ? 1 : 0, onHold > 0 ? 1 : 0, media > 0 ? 1 : 0);
    }

    /// <summary>
    /// A call known only by its id (see <see cref="NeedsReconcile"/>). The platform is assumed to be ACS until
    /// CallConnected or reconciliation says otherwise: only ACS events carry enough to arrive before the connect.
    /// </summary>
    public static Call Placeholder(CallId callId, DateTimeOffset firstSeen) => new(
        callId, CallPlatform.Acs, null, null, CallState.Unknown, null, null, firstSeen, null,
        ImmutableDictionary<string, Participant>.Empty,
        ImmutableDictionary<InvitationId, Invitation>.Empty,
        ImmutableDictionary<MediaOperationId, MediaOperation>.Empty,
        null,
        NeedsReconcile: true);
}

/// <summary>An AddParticipant outcome waiting for its invitation (see <see cref="Call.UnmatchedAddResults"/>).</summary>
public sealed record EarlyAddResult(bool Succeeded, CommunicationIdentifier? Participant, ResultInfo? Result, DateTimeOffset At);
