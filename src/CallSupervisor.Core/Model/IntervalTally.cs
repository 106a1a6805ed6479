using System.Collections.Immutable;

namespace CallSupervisor.Core.Model;

/// <summary>
/// What one queue counted in one 15-minute interval, from the queue visits that ended and the calls handled. A visit
/// counts in the interval it <em>began</em> (the caller entered the queue), and so does the handling of the call it
/// led to, so an interval's answered, abandoned and service level always describe the same callers. Waits are kept to
/// the second (sparse counts), so a changed answer target or short-abandon limit applies to the whole day at once.
/// </summary>
public sealed record IntervalTally(string QueueId, DateTimeOffset Start)
{
    public int Answered { get; init; }

    /// <summary>Callers who hung up while waiting, short abandons included (see <see cref="ShortAbandoned"/>).</summary>
    public int Abandoned { get; init; }

    public int Overflowed { get; init; }

    /// <summary>Answered visits by their wait in whole seconds.</summary>
    public ImmutableSortedDictionary<int, int> AnswerSeconds { get; init; } = ImmutableSortedDictionary<int, int>.Empty;

    /// <summary>Abandoned visits by the caller's wait (from first queuing) in whole seconds.</summary>
    public ImmutableSortedDictionary<int, int> AbandonSeconds { get; init; } = ImmutableSortedDictionary<int, int>.Empty;

    public TimeSpan AnswerTotal { get; init; }

    public TimeSpan AnswerLongest { get; init; }

    /// <summary>Answered calls whose handling ended (the call ended, or the agent left or handed it over).</summary>
    public int Handled { get; init; }

    public TimeSpan Talk { get; init; }

    public TimeSpan Hold { get; init; }

    public TimeSpan WrapUp { get; init; }

    /// <summary>Visits that began here and ended.</summary>
    public int Closed => Answered + Abandoned + Overflowed;

    public int AnsweredWithin(TimeSpan target) => Within(AnswerSeconds, target);

    /// <summary>Abandons within <paramref name="limit"/> of queuing (short abandons for that limit).</summary>
    public int ShortAbandoned(TimeSpan limit) => limit <= TimeSpan.Zero ? 0 : Below(AbandonSeconds, limit);

    /// <summary>
    /// This tally with one more ended visit. <paramref name="queuedAt"/> is when the caller first queued (their first
    /// visit's start): an abandon's wait runs from there, so a caller moved here after waiting elsewhere who hangs up
    /// soon after is not taken for a short abandon (one "within the limit of queuing") and dropped from every rate.
    /// Answers are timed in this queue (the speed of answer is the queue's).
    /// </summary>
    public IntervalTally With(QueueVisit visit, DateTimeOffset? queuedAt = null)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (visit.Until is not { } until)
        {
            return this;
        }
        var wait = until - visit.From;
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        var callerWait = queuedAt is { } first && first < visit.From ? until - first : wait;
        return visit.Outcome switch
        {
            VisitOutcome.Answered => this with
            {
                Answered = Answered + 1,
                AnswerSeconds = Count(AnswerSeconds, wait),
                AnswerTotal = AnswerTotal + wait,
                AnswerLongest = wait > AnswerLongest ? wait : AnswerLongest,
            },
            VisitOutcome.Abandoned => this with { Abandoned = Abandoned + 1, AbandonSeconds = Count(AbandonSeconds, callerWait) },
            VisitOutcome.Overflowed => this with { Overflowed = Overflowed + 1 },
            _ => this,
        };
    }

    /// <summary>This tally with the handling of one answered call (its wrap-up comes later, <see cref="WithWrapUp"/>).</summary>
    public IntervalTally WithHandled(TimeSpan talk, TimeSpan hold) => this with { Handled = Handled + 1, Talk = Talk + talk, Hold = Hold + hold };

    public IntervalTally WithWrapUp(TimeSpan wrapUp) => this with { WrapUp = WrapUp + (wrapUp < TimeSpan.Zero ? TimeSpan.Zero : wrapUp) };

    private static ImmutableSortedDictionary<int, int> Count(ImmutableSortedDictionary<int, int> counts, TimeSpan wait)
    {
        var second = (int)Math.Min(wait.TotalSeconds, int.MaxValue);
        return counts.SetItem(second, counts.GetValueOrDefault(second) + 1);
    }

    // A wait of 20.4 s is kept as 20 and is within a 20 s target; one of 20.6 s is kept as 20 too: to the second, as
    // the figures are shown.
    private static int Within(ImmutableSortedDictionary<int, int> counts, TimeSpan limit)
    {
        var total = 0;
        foreach (var (second, count) in counts)
        {
            if (second > limit.TotalSeconds)
            {
                break;
            }
            total += count;
        }
        return total;
    }

    private static int Below(ImmutableSortedDictionary<int, int> counts, TimeSpan limit)
    {
        var total = 0;
        foreach (var (second, count) in counts)
        {
            if (second >= limit.TotalSeconds)
            {
                break;
            }
            total += count;
        }
        return total;
    }
}
