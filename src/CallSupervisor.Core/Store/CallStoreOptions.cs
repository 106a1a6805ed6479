using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store;

/// <summary>Tuning of <see cref="CallStore"/>.</summary>
/// <remarks>
/// <para><c>BatchWindow</c>: How long a subscriber collects changes before a delivery (e.g. 100 ms).</para>
/// <para><c>MaxActivity</c>: Entries kept in <see cref="CallsSnapshot.Activity"/>.</para>
/// <para><c>MaxRememberedEventIds</c>:
/// Event ids remembered for de-duplication (FIFO). ACS redelivers within minutes, so a few thousand ids cover many
/// minutes of traffic; an id evicted from the window would be applied again.
/// </para>
/// </remarks>
public sealed record CallStoreOptions(TimeSpan BatchWindow, int MaxActivity = 200, int MaxRememberedEventIds = 10_000)
{
    /// <summary>The time zone whose midnight starts agents' day (their daily counters); UTC unless the centre sets its own.</summary>
    public TimeZoneInfo DayZone { get; init; } = TimeZoneInfo.Utc;

    public static CallStoreOptions Default { get; } = new(TimeSpan.FromMilliseconds(100));
}
