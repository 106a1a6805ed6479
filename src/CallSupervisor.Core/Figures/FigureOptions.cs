using CallSupervisor.Core.Model;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Core.Figures;

/// <summary>
/// Settings of the day's figures (section <c>Figures</c>): the time zone whose midnight starts the day (the
/// centre's; agents' daily counters start again then too). Queue targets are not here: they are edited on the
/// Targets page and travel through the event log (<see cref="Events.TargetsChanged"/>), so every instance applies a
/// change at once.
/// </summary>
public sealed record FigureOptions(TimeZoneInfo Zone)
{
    public static FigureOptions Utc { get; } = new(TimeZoneInfo.Utc);

    /// <summary>The targets every queue has until an administrator sets others (section <c>Figures</c>).</summary>
    public Targets Defaults { get; init; } = Targets.Standard;

    /// <summary>The targets in force on <paramref name="snapshot"/>: the ones an administrator set, else the defaults.</summary>
    public Targets TargetsOf(CallsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Targets ?? Defaults;
    }
}
