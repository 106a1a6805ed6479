namespace CallSupervisor.Web.Hosting;

/// <summary>Settings of the dashboard's live views (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The least time between two renders of a dashboard page: a change after a quiet spell is rendered at once, the
    /// changes right behind it are collected for this long. A page also waits for its browser to apply the previous
    /// render before taking the next batch (FeedComponentBase), so a slow browser gets fewer renders by itself and
    /// this window only bounds the rate of a fast one (40 renders a second).
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// The same for the calls hub's pushes. Zero (the default): a batch goes out as soon as the previous one is sent,
    /// with whatever arrived meanwhile, because a push is serialized once for all clients and costs little.
    /// </summary>
    public TimeSpan HubBatchWindow { get; set; } = TimeSpan.Zero;

    /// <summary>How long an ended call stays in the default view (dimmed) before only the Ended filter shows it.</summary>
    public TimeSpan ShowEndedFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far behind the board the day's figures may be: they are computed once for every page and hub client, at
    /// most this often while the board changes (0: for every change, which costs a few milliseconds each at a thousand
    /// waiting callers).
    /// </summary>
    public TimeSpan FiguresFreshness { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// permessage-deflate on the calls hub's WebSockets, for the clients that offer it (browsers, the JS client). Off by
    /// default: a push is small and sent to every client, and deflating it per connection cost more time than it saved
    /// on a local network (docs/performance.md, "WebSocket compression"). On for wallboards behind slow links.
    /// </summary>
    public bool HubCompression { get; set; }

    /// <summary>
    /// permessage-deflate on the dashboard pages' circuit WebSockets (Blazor's own default is on). See
    /// <see cref="HubCompression"/> and docs/performance.md for the figures behind the default.
    /// </summary>
    public bool CircuitCompression { get; set; } = true;

    /// <summary>When a call needs a supervisor's attention.</summary>
    public AttentionThresholds Thresholds { get; set; } = new();
}

/// <summary>
/// When a caller with nobody is marked as needing attention. The other thresholds (ringing, on hold, call length) are
/// the queues' targets: <c>Figures</c> for their defaults, the Targets page for each queue.
/// </summary>
public sealed class AttentionThresholds
{
    /// <summary>
    /// How long a live caller may be with nobody (no agent, queue place or menu, or their agent left) before the call is
    /// marked: long enough for the step between connecting and the menu, short enough that nobody is forgotten.
    /// </summary>
    public TimeSpan Alone { get; set; } = TimeSpan.FromSeconds(10);
}
