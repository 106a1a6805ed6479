namespace CallSupervisor.Board;

/// <summary>Settings of the live call state (section <c>Calls</c>).</summary>
public sealed class CallsOptions
{
    public const string SectionName = "Calls";

    /// <summary>How long an ended call stays visible before it is removed.</summary>
    public TimeSpan EndedRetention { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often maintenance runs: pruning, expiries, and the calls due for a re-read.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Every live call is re-read from its service, ACS or Graph (GET call + GET participants: two requests), this
    /// often, so the board converges on the service's truth when callbacks are lost. New calls are read at the next
    /// maintenance tick; while the service throttles, the reads wait for it (<see cref="Maintenance.ReconcileThrottle"/>).
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long past its ringing timeout an invitation may wait for ACS's outcome before it is timed out.</summary>
    public TimeSpan InvitationGrace { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A media operation with no end event after this long is closed as Expired (ACS cannot be asked about media
    /// state). Longer than the longest prompt or hold music the deployment plays.
    /// </summary>
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Secret the Event Grid subscription must send as <c>?key=</c> on <c>/api/callbacks/incoming</c> (Event Grid
    /// webhooks carry no signature; a secret in the endpoint URL is the documented way to authenticate them).
    /// Generated automatically for the embedded emulator.
    /// </summary>
    public string? EventGridKey { get; set; }

    /// <summary>
    /// Actions one user may ask for per <see cref="ActionWindow"/>, dashboard and hub together; past it they are refused
    /// ("Too many actions: try again in N s") and audited as one row per window with their count.
    /// </summary>
    public int ActionsPerUser { get; set; } = CallSupervisor.Core.Execution.ActionLimits.Default.PerUser;

    /// <summary>The window of <see cref="ActionsPerUser"/>.</summary>
    public TimeSpan ActionWindow { get; set; } = CallSupervisor.Core.Execution.ActionLimits.Default.Window;

    /// <summary>How long a supervisor request may wait for ACS to confirm it before the button works again.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far an event's own time may lie from when it was received, before or after. Beyond it (a replayed or
    /// misdated event) the receive time is used instead, so the event cannot give a call an absurd start, end or length.
    /// </summary>
    public TimeSpan MaxEventTimeSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest accepted callback body; larger requests get 413.</summary>
    public long MaxCallbackBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Callback events that may wait to be applied; a callback that does not fit gets 503 with Retry-After (ACS and
    /// Event Grid retry). Applying an event takes microseconds, so a full queue means the process is starved.
    /// </summary>
    public int MaxQueuedEvents { get; set; } = 10_000;
}
