namespace CallSupervisor.Core.Model;

/// <summary>
/// The 15-minute intervals the figures are counted in (as workforce-management tools count them). Interval starts
/// are instants aligned to a quarter hour of UTC, which is also a quarter hour in every time zone in use, so one set of
/// intervals serves any zone's day.
/// </summary>
public static class IntervalClock
{
    public static TimeSpan Width { get; } = TimeSpan.FromMinutes(15);

    public static DateTimeOffset StartOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % Width.Ticks), TimeSpan.Zero);
    }

    /// <summary>The start of the day of <paramref name="at"/> in <paramref name="zone"/>, as an instant.</summary>
    public static DateTimeOffset DayStart(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>The day of <paramref name="at"/> in <paramref name="zone"/>.</summary>
    public static DateOnly Day(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
    }
}
