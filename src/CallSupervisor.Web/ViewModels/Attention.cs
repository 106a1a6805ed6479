using CallSupervisor.Core.Settings;
using CallSupervisor.Web.Hosting;

namespace CallSupervisor.Web.ViewModels;

/// <summary>Why a call needs attention now (none: it does not).</summary>
[Flags]
public enum AttentionReason
{
    None = 0,
    RingingLong = 1,
    OnHoldLong = 2,
    LongCall = 4,

    /// <summary>A live caller with nobody: no agent, no queue place, no offer, or their agent left.</summary>
    Alone = 8,
}

/// <summary>
/// The attention rules of the dashboard, one place for the grid, the cards, the summary and the alerts. They read a
/// row and the clock; the thresholds come from the queue's targets (<see cref="Targets"/>) and <see cref="AttentionThresholds"/>. <paramref name="queues"/>: the app
/// routes callers to queues, so a caller with nobody (<see cref="CallRow.AloneSince"/>) is a fault to mark; without
/// queues every call is only watched and nobody is expected to route it.
/// </summary>
public sealed class Attention(AttentionThresholds thresholds, bool queues = false)
{
    public AttentionThresholds Thresholds { get; } = thresholds;

    /// <summary>The queues' thresholds in force (ringing, on hold, call length): each call is judged by its queue's.</summary>
    public Targets Targets { get; init; } = Targets.Standard;

    /// <summary>These rules with <paramref name="targets"/> (this one when they are the same).</summary>
    public Attention With(Targets targets) => targets.SameAs(Targets) ? this : new Attention(Thresholds, queues) { Targets = targets };

    /// <summary>
    /// A supervisor acknowledged every reason the call needs attention for now: it is shown, but alerts no more. A
    /// reason that arose after the acknowledgement alerts again.
    /// </summary>
    public bool IsAcknowledged(CallRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        var reasons = Of(row, now);
        return reasons != AttentionReason.None && row.Acknowledged is { } ack
            && Names(reasons).All(name => ack.Reasons.Contains(name, StringComparison.Ordinal));
    }

    /// <summary>The reasons by name, as an acknowledgement keeps them ("Ringing long, On hold long").</summary>
    public static IEnumerable<string> Names(AttentionReason reasons)
    {
        if (reasons.HasFlag(AttentionReason.Alone))
        {
            yield return "Caller alone";
        }
        if (reasons.HasFlag(AttentionReason.RingingLong))
        {
            yield return "Ringing long";
        }
        if (reasons.HasFlag(AttentionReason.OnHoldLong))
        {
            yield return "On hold long";
        }
        if (reasons.HasFlag(AttentionReason.LongCall))
        {
            yield return "Long call";
        }
    }

    public AttentionReason Of(CallRow row, DateTimeOffset now)
    {
        if (!row.IsLive)
        {
            return AttentionReason.None;
        }
        var reasons = AttentionReason.None;
        var limits = Targets.For(row.HomeQueueId);
        if (row.RingingSince is { } ringing && now - ringing > limits.Ringing)
        {
            reasons |= AttentionReason.RingingLong;
        }
        if (row.OnHoldSince is { } hold && now - hold > limits.OnHold)
        {
            reasons |= AttentionReason.OnHoldLong;
        }
        if (now - row.StartedAt > limits.CallLength)
        {
            reasons |= AttentionReason.LongCall;
        }
        if (queues && row.AloneSince is { } alone && now - alone > Thresholds.Alone)
        {
            reasons |= AttentionReason.Alone;
        }
        return reasons;
    }

    /// <summary>The reasons as a supervisor reads them, e.g. "Ringing 0:45 · On hold 1:20".</summary>
    public static string Describe(AttentionReason reasons, CallRow row, DateTimeOffset now)
    {
        var parts = new List<string>(4);
        if (reasons.HasFlag(AttentionReason.Alone) && row.AloneSince is { } alone)
        {
            parts.Add((row.AgentLeft ? "Agent left " : "No agent or queue ") + Durations.Format(now - alone));
        }
        if (reasons.HasFlag(AttentionReason.RingingLong) && row.RingingSince is { } ringing)
        {
            parts.Add("Ringing " + Durations.Format(now - ringing));
        }
        if (reasons.HasFlag(AttentionReason.OnHoldLong) && row.OnHoldSince is { } hold)
        {
            parts.Add("On hold " + Durations.Format(now - hold));
        }
        if (reasons.HasFlag(AttentionReason.LongCall))
        {
            parts.Add("Long call " + Durations.Format(now - row.StartedAt));
        }
        return string.Join(" · ", parts);
    }

    /// <summary>
    /// Ordering for "needs attention first": calls needing attention, most reasons and longest waiting first, then
    /// waiting calls by how long they have rung or waited in a queue, then the rest by start (oldest first, so new calls go to the end).
    /// </summary>
    public IOrderedEnumerable<CallRow> NeedsAttentionFirst(IEnumerable<CallRow> rows, DateTimeOffset now) => rows
        .OrderByDescending(r => System.Numerics.BitOperations.PopCount((uint)Of(r, now)))
        .ThenBy(r => r.RingingSince ?? r.WaitingSince ?? DateTimeOffset.MaxValue)
        // Ended calls (still shown, dimmed, for a moment) below every live one.
        .ThenBy(r => r.IsLive ? 0 : 1)
        .ThenBy(r => r.StartedAt);
}
