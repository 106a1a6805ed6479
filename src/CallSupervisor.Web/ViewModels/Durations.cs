using System.Globalization;

namespace CallSupervisor.Web.ViewModels;

public static class Durations
{
    /// <summary>"4:05" under an hour, "1:04:05" above; never negative (clock skew between ACS and us).</summary>
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        return span.TotalHours >= 1
            ? string.Format(CultureInfo.InvariantCulture, "{0}:{1:mm\\:ss}", (int)span.TotalHours, span)
            : span.ToString("m\\:ss", CultureInfo.InvariantCulture);
    }

    public static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
