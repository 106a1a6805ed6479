using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

/// <summary>How a queue visit ended: the caller got an agent, hung up, or was moved to another queue.</summary>
public enum VisitOutcome
{
    /// <summary>Still waiting (the visit is open).</summary>
    Waiting,
    Answered,
    Abandoned,
    Overflowed,
}

/// <summary>
/// One stay of the caller in one queue: from when they entered it until they were answered, hung up, or moved on.
/// <see cref="Until"/> is null while they still wait.
/// </summary>
public sealed record QueueVisit(string QueueId, DateTimeOffset From, DateTimeOffset? Until, VisitOutcome Outcome)
{
    public TimeSpan Wait(DateTimeOffset now) => (Until ?? now) - From;
}

/// <summary>One offer of the call to an agent; <see cref="Outcome"/> is null while it rings.</summary>
public sealed record OfferAttempt(string AgentId, string? AgentName, DateTimeOffset At, DateTimeOffset? Until, OfferOutcome? Outcome)
{
    /// <summary>The agent declined or did not answer (what the Agents page counts as missed).</summary>
    public bool Missed => Outcome is OfferOutcome.Declined or OfferOutcome.NotAnswered;
}

/// <summary>A supervisor action asked on the call: which, by whom (display name), when.</summary>
public sealed record ActionMark(CallSupervisor.Core.Events.ActionKind Kind, string By, DateTimeOffset At);

/// <summary>
/// What happened to a call on its way through the contact center, kept on the <see cref="Model.Call"/> as the store
/// applies its events (so it survives restarts in the checkpoint and is the same on every instance): the queues it
/// visited, the offers made and how each ended, the caller's time on hold, transfers and the supervisors' actions.
/// The call record (<c>Figures.CallRecord</c>) is read from it when the call ends.
/// </summary>
public sealed record CallJourney
{
    public static CallJourney Empty { get; } = new();

    public ImmutableList<QueueVisit> Visits { get; init; } = [];

    public ImmutableList<OfferAttempt> Offers { get; init; } = [];

    /// <summary>The caller's time on hold so far, holds that ended only (see <see cref="HoldSince"/>).</summary>
    public TimeSpan Hold { get; init; }

    /// <summary>Since when the caller is on hold now (null when not).</summary>
    public DateTimeOffset? HoldSince { get; init; }

    /// <summary>Handovers to another agent or out to a number that ACS carried out.</summary>
    public int Transfers { get; init; }

    public ImmutableList<ActionMark> Actions { get; init; } = [];

    /// <summary>The caller's whole time on hold until <paramref name="now"/> (an open hold counted to now).</summary>
    public TimeSpan HoldUntil(DateTimeOffset now) => Hold + (HoldSince is { } since && now > since ? now - since : TimeSpan.Zero);

    /// <summary>The visit the caller is in or was in last, if any.</summary>
    public QueueVisit? LastVisit => Visits.IsEmpty ? null : Visits[^1];
}
