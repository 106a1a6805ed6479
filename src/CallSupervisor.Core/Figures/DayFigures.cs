using CallSupervisor.Core.Model;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Core.Figures;

/// <summary>
/// The day's figures, defined once: pure functions of the store's snapshot (its <see cref="FigureLedger"/>, live calls
/// and agents), the directory, the targets and the clock. The Today page, the wallboard, the hub and the reports all
/// read them from here.
/// </summary>
public static partial class DayFigures
{
    /// <summary>The day (in <paramref name="zone"/>) of <paramref name="now"/> so far.</summary>
    public static TodayFigures Today(CallsSnapshot snapshot, ContactCenterDirectory directory, Targets targets, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(zone);
        throw new NotImplementedException();
    }

    /// <summary>
    /// The tallies of kept call records (a report over any days): each ended visit in the interval the caller entered
    /// its queue, each answered call's handling (and wrap-up) in its answering visit's.
    /// </summary>
    public static IReadOnlyList<IntervalTally> Tally(IEnumerable<CallRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        throw new NotImplementedException();
    }

    /// <summary>
    /// The figures of each tally's interval (by queue, oldest first), then of all queues together per interval
    /// (<see cref="IntervalFigures.QueueId"/> null), with the service level so far of each day in <paramref name="zone"/>.
    /// </summary>
    public static IReadOnlyList<IntervalFigures> Intervals(IEnumerable<IntervalTally> tallies, Targets targets, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(zone);
        throw new NotImplementedException();
    }
}
