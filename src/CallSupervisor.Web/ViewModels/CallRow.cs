using System.Runtime.CompilerServices;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// One grid row, flattened from a <see cref="Call"/> once per batch so sorting, filtering and rendering read plain
/// fields (10,000 rows stay cheap). Times that grow (ringing, on hold, call length) are kept as their start, so a
/// row never needs rebuilding just because time passed.
/// </summary>
/// <remarks>
/// <para><c>Agent</c>: who handles the call (the invitee who accepted, else the one ringing); <c>AgentAnswered</c>
/// says which.</para>
/// <para><c>RingingSince</c>: when the oldest open invitation started ringing; null when none rings.</para>
/// <para><c>OnHoldSince</c>: since when someone of the call has been on hold; null when nobody is.</para>
/// </remarks>
public sealed record CallRow(
    CallId CallId,
    string Caller,
    string? CallerNumber,
    string Callee,
    string? Agent,
    bool AgentAnswered,
    CallPlatform Platform,
    CallState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int Participants,
    int Muted,
    int PendingInvitations,
    int RunningMedia,
    DateTimeOffset? RingingSince,
    DateTimeOffset? OnHoldSince,
    string SearchText)
{
    public string Id => CallId.Value;

    /// <summary>The queue the caller waits in, while they wait (null once an agent took the call).</summary>
    public string? QueueId { get; init; }

    /// <summary>The queue the call came through, kept after an agent took it: its thresholds apply to the call.</summary>
    public string? HomeQueueId { get; init; }

    /// <summary>Who acknowledged the call's alert, when, for which reasons (null: nobody).</summary>
    public CallSupervisor.Core.Model.Acknowledgement? Acknowledged { get; init; }

    /// <summary>Since when the caller has waited in <see cref="QueueId"/> (their first queuing); null when not queued.</summary>
    public DateTimeOffset? WaitingSince { get; init; }

    /// <summary>The agent the call is offered to now, and since when (ringing, or planned until ACS takes it).</summary>
    public string? OfferedTo { get; init; }

    public DateTimeOffset? OfferedSince { get; init; }

    /// <summary>The caller is still choosing in the menu (no queue yet).</summary>
    public bool InMenu { get; init; }

    /// <summary>The agent who took the call left it while the call goes on.</summary>
    public bool AgentLeft { get; init; }

    /// <summary>
    /// Since when a live ACS caller has been with nobody — no agent, no queue place, no offer and no menu — or since
    /// their agent left. Routing makes it impossible; an outside change (a cancelled offer, an agent hanging up) can
    /// still cause it, and <see cref="Attention"/> marks it.
    /// </summary>
    public DateTimeOffset? AloneSince { get; init; }

    /// <summary>The time of the newest event applied to the call (null before its first): how fresh the row is.</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    public bool IsLive => State != CallState.Disconnected;

    /// <summary>
    /// A row is its call's row: two versions of it are equal, whatever they show. MudDataGrid keys its rows by the item
    /// (<c>@key="item"</c>), so with value equality every change (a mute) made a new key, and the browser was sent
    /// the whole row again (its cells' components re-created, ~55 DOM nodes inserted) instead of the one cell that
    /// changed. Compare fields with <see cref="SamePlaceAs"/> or by property; nothing here compares rows by value.
    /// </summary>
    public bool Equals(CallRow? other) => other is not null && CallId == other.CallId;

    public override int GetHashCode() => CallId.GetHashCode();

    /// <summary>
    /// True when this row sorts and filters exactly as <paramref name="other"/> at any moment: the same times, names,
    /// search text, liveness, queue place, and whether invitations or media are pending (see <see cref="CallFilter"/> and
    /// <see cref="Attention"/>, which read nothing else). A mute or a participant count can then change in place.
    /// </summary>
    public bool SamePlaceAs(CallRow other) =>
        IsLive == other.IsLive
        && StartedAt == other.StartedAt
        && EndedAt == other.EndedAt
        && RingingSince == other.RingingSince
        && OnHoldSince == other.OnHoldSince
        && PendingInvitations > 0 == other.PendingInvitations > 0
        && RunningMedia > 0 == other.RunningMedia > 0
        && string.Equals(Caller, other.Caller, StringComparison.Ordinal)
        && string.Equals(Agent, other.Agent, StringComparison.Ordinal)
        && string.Equals(QueueId, other.QueueId, StringComparison.Ordinal)
        && WaitingSince == other.WaitingSince
        // An offer takes the caller out of the line (see QueueLine): the places behind them change.
        && OfferedTo is null == other.OfferedTo is null
        && AloneSince == other.AloneSince
        && string.Equals(HomeQueueId, other.HomeQueueId, StringComparison.Ordinal)
        && Acknowledged == other.Acknowledged
        && string.Equals(SearchText, other.SearchText, StringComparison.Ordinal);

    // One row per call version for the whole process: a Call is immutable and replaced on every change, so its row
    // never goes stale, and every open page (each circuit has its own view) shares it instead of flattening the
    // same call again and holding its own copy. The table holds a row only while its Call is alive.
    private static readonly ConditionalWeakTable<Call, CallRow> Shared = new();

    /// <summary>The row of <paramref name="call"/>, flattened once for every page that shows it.</summary>
    public static CallRow Of(Call call) => Shared.GetValue(call, From);

    /// <summary>Flattens <paramref name="call"/> (a new row each time; pages use <see cref="Of"/>).</summary>
    public static CallRow From(Call call)
    {
        var caller = call.Caller is { } c ? ParticipantNames.Display(call, c) : "Unknown caller";
        // The number under a caller's name, when the name is not already the number.
        var number = call.Caller is { Kind: IdentifierKind.PhoneNumber } phone && call.Names.ContainsKey(phone.RawId) ? IdentifierFormat.Short(phone) : null;
        var callee = call.Callee is { } to ? ParticipantNames.Display(call, to) : "—";
        // The contact center's own account first (the agent who took the call, the offer); else, for a call outside
        // the queues, whoever this app invited.
        (CommunicationIdentifier Agent, bool Answered)? agent = call.AgentIdentity is { } taken ? (taken, true)
            : call.Offer is not null || call.QueueId is not null ? null
            : ParticipantNames.AgentOf(call);
        DateTimeOffset? ringing = null;
        foreach (var invitation in call.Invitations.Values)
        {
            if (invitation.IsOpen && (ringing is null || invitation.RequestedAt < ringing))
            {
                ringing = invitation.RequestedAt;
            }
        }
        DateTimeOffset? onHold = null;
        int muted = 0;
        foreach (var participant in call.Participants.Values)
        {
            muted += participant.IsMuted ? 1 : 0;
            if (participant.OnHoldSince is { } since && (onHold is null || since < onHold))
            {
                onHold = since;
            }
        }
        var agentName = agent is { } a ? ParticipantNames.Display(call, a.Agent) : null;
        var offeredSince = call.Offer is { } offer
            ? (offer.InvitationId is { } id && call.Invitations.TryGetValue(id, out var offered) ? offered.RequestedAt : offer.PlannedAt)
            : (DateTimeOffset?)null;
        var inMenu = call.IsLive && call.QueueId is null && call.AgentId is null
            && call.MediaOperations.Values.Any(m => m.IsActive && m.Kind == MediaKind.Recognize);
        return new CallRow(
            call.CallId,
            caller,
            number,
            callee,
            agentName,
            agent?.Answered ?? false,
            call.Platform,
            call.State,
            call.StartedAt,
            call.EndedAt,
            call.Participants.Count,
            muted,
            call.Invitations.Values.Count(i => i.IsOpen),
            call.MediaOperations.Values.Count(m => m.IsActive),
            ringing,
            onHold,
            string.Join(' ', new[] { caller, number, call.Caller?.Value, callee, agentName, call.CallId.Value }
                .Concat(call.Participants.Values.Select(p => ParticipantNames.Display(call, p.Identifier)))
                .Where(s => !string.IsNullOrEmpty(s))))
        {
            QueueId = call.IsQueued ? call.QueueId : null,
            HomeQueueId = call.QueueId,
            Acknowledged = call.Acknowledged,
            WaitingSince = call.IsQueued ? call.QueuedAt : null,
            OfferedTo = call.Offer is { } o ? o.AgentName ?? ParticipantNames.Display(call, o.Agent) : null,
            OfferedSince = offeredSince,
            InMenu = inMenu,
            AgentLeft = call.AgentLeftAt is not null,
            AloneSince = AloneSinceOf(call, agent is not null, inMenu),
            LastEventAt = call.LastEventAt,
        };
    }

    private static DateTimeOffset? AloneSinceOf(Call call, bool hasAgent, bool inMenu)
    {
        if (call.Platform != CallPlatform.Acs || call.State != CallState.Connected)
        {
            return null;
        }
        if (call.AgentLeftAt is { } left)
        {
            return left;
        }
        return hasAgent || inMenu || call.QueueId is not null || call.Offer is not null ? null : call.StartedAt;
    }
}
