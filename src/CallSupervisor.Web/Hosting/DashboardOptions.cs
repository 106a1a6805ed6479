namespace CallSupervisor.Web.Hosting;

/// <summary>Settings of the dashboard's live feeds (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>How often the server heartbeat ticks.</summary>
    public TimeSpan PulseInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a subscriber collects changes before one delivery (one render, one push).</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(100);
}
