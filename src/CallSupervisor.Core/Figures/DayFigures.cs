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
}
