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
}
