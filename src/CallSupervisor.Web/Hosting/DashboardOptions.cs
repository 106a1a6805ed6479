namespace CallSupervisor.Web.Hosting;

/// <summary>Settings of the dashboard's live views (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>How long a subscriber collects changes before one delivery (one render, one push).</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an ended call stays in the default view (dimmed) before only the Ended filter shows it.</summary>
    public TimeSpan ShowEndedFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When a call needs a supervisor's attention.</summary>
    public AttentionThresholds Thresholds { get; set; } = new();
}

/// <summary>
/// When a row is marked as needing attention (with colour, icon and text): an invitation ringing, a participant on
/// hold, or the whole call lasting longer than these.
/// </summary>
public sealed class AttentionThresholds
{
    public TimeSpan Ringing { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan OnHold { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan CallLength { get; set; } = TimeSpan.FromMinutes(15);
}
