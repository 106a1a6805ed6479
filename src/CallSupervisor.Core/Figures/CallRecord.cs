using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Figures;

/// <summary>How a call ended, for the records and the figures.</summary>
public enum CallOutcome
{
    /// <summary>An agent took it (also when it was later transferred).</summary>
    Answered,

    /// <summary>The caller hung up (or was lost) while waiting in a queue, before any agent took the call.</summary>
    Abandoned,

    /// <summary>The caller hung up before reaching a queue (in the menu or the greeting).</summary>
    EndedInMenu,

    /// <summary>A call the board only watched: not routed to a queue by the app (outbound, Graph, another app's).</summary>
    NotRouted,
}

/// <summary>
/// One ended call as it is kept: arrival, queues and waits, offers, the agent who answered, talk / hold / wrap-up time,
/// transfers, the outcome and the supervisors' actions. Built from the call the store holds when it ends
/// (<see cref="Of"/>): the same on every instance and after any restart, keyed by <see cref="CallId"/> so writing it
/// twice keeps one.
/// </summary>
/// <remarks>
/// <para><c>Talk</c>: from the answer until the agent left or the call ended, less the caller's time on hold.</para>
/// <para><c>WrapUp</c>: the answering agent's wrap-up after the call; null until it is over (it ends after the call).</para>
/// </remarks>
public sealed record CallRecord(
    CallId CallId,
    CallPlatform Platform,
    DateTimeOffset ArrivedAt,
    DateTimeOffset EndedAt,
    CallOutcome Outcome,
    string? QueueId,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? AnsweredAt,
    string? AgentId,
    string? AgentName,
    TimeSpan Talk,
    TimeSpan Hold,
    TimeSpan? WrapUp,
    int Transfers,
    string? Caller,
    string? TransferredTo,
    string? EndReason,
    ImmutableArray<QueueVisit> Visits,
    ImmutableArray<OfferAttempt> Offers,
    ImmutableArray<ActionMark> Actions)
{
    /// <summary>The wait until an agent answered, the caller hung up or the call ended (null for calls never queued).</summary>
    public TimeSpan? Wait => QueuedAt is { } queued ? (AnsweredAt ?? EndedAt) - queued : null;

    /// <summary>Talk + hold + wrap-up (wrap-up counted once it is known).</summary>
    public TimeSpan HandleTime => Talk + Hold + (WrapUp ?? TimeSpan.Zero);

    public int MissedOffers => Offers.Count(o => o.Missed);

    /// <summary>The record of an ended call (for a live one, as if it ended at <paramref name="now"/>).</summary>
    public static CallRecord Of(Call call, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var ended = call.EndedAt ?? now ?? call.StartedAt;
        var journey = call.Journey;
        var outcome = call.AgentId is not null || call.AnsweredAt is not null ? CallOutcome.Answered
            : call.QueueId is not null || !journey.Visits.IsEmpty ? CallOutcome.Abandoned
            : call.Routed ? CallOutcome.EndedInMenu
            : CallOutcome.NotRouted;
        var (talk, hold) = call.TalkAndHold(ended);
        var firstAgent = journey.Offers.FirstOrDefault(o => o.Outcome == OfferOutcome.Accepted);
        return new CallRecord(
            call.CallId, call.Platform, call.StartedAt, ended, outcome,
            call.QueueId ?? journey.LastVisit?.QueueId, call.QueuedAt ?? journey.Visits.FirstOrDefault()?.From, call.AnsweredAt,
            firstAgent?.AgentId ?? call.AgentId, firstAgent?.AgentName ?? (call.AgentIdentity is { } who ? ParticipantNames.Display(call, who) : null),
            talk, hold, null, journey.Transfers,
            call.Caller?.RawId, call.TransferredTo?.RawId, call.EndResult is { } r ? $"{r.Code}/{r.SubCode} {r.Message}".Trim() : null,
            [.. journey.Visits], [.. journey.Offers], [.. journey.Actions]);
    }
}
