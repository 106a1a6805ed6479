using System.Globalization;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Web.ViewModels.Figures;

/// <summary>How the day's figures are written: one wording for the Today page, the wallboard and their tables.</summary>
public static class FigureText
{
    /// <summary>Shown where a figure has no value yet (no call answered, no agent signed in).</summary>
    public const string None = "—";

    /// <summary>"82 %" (rounded down, so 79.6 % never reads as a met 80 % target); "—" when there is no value.</summary>
    public static string Percent(double? share) =>
        share is { } s && !double.IsNaN(s) ? string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(s * 100 + 1e-9):0} %") : None;

    /// <summary>"1:05"; "—" when there is no value.</summary>
    public static string Duration(TimeSpan? span) => span is { } s ? Durations.Format(s) : None;

    /// <summary>"20 s" for a target under a minute, "1:30" above.</summary>
    public static string Limit(TimeSpan span) =>
        span < TimeSpan.FromMinutes(1) ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} s") : Durations.Format(span);

    /// <summary>The service level target in words: "80 % in 20 s".</summary>
    public static string ServiceLevelTarget(QueueTargets targets) => $"{Percent(targets.ServiceLevelGoal)} in {Limit(targets.AnswerWithin)}";

    /// <summary>
    /// "3 (67 %)": a count and its share of a whole, to the nearest percent (a limit missed by less than half a percent
    /// is said beside it in words); the share is left out when it has none.
    /// </summary>
    public static string CountAndShare(int count, double? share) =>
        share is { } s && !double.IsNaN(s)
            ? string.Create(CultureInfo.InvariantCulture, $"{count} ({Math.Round(s * 100, MidpointRounding.AwayFromZero):0} %)")
            : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A clock time of day in the figures' zone, "14:05".</summary>
    public static string Clock(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A clock time of day with seconds in the figures' zone, "14:05:09".</summary>
    public static string ClockSeconds(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
