namespace CallSupervisor.Web.Calls;

/// <summary>Settings of the live call state (section <c>Calls</c>).</summary>
public sealed class CallsOptions
{
    public const string SectionName = "Calls";

    /// <summary>How long an ended call stays visible before it is removed.</summary>
    public TimeSpan EndedRetention { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often ended calls are pruned and unknown calls reconciled with ACS.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Secret the Event Grid subscription must send as <c>?key=</c> on <c>/api/callbacks/incoming</c> (Event Grid
    /// webhooks carry no signature; a secret in the endpoint URL is the documented way to authenticate them).
    /// Generated automatically for the embedded emulator.
    /// </summary>
    public string? EventGridKey { get; set; }

    /// <summary>How long a supervisor request may wait for ACS to confirm it before the button works again.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest accepted callback body; larger requests get 413.</summary>
    public long MaxCallbackBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Callback events that may wait to be applied; a callback that does not fit gets 503 with Retry-After (ACS and
    /// Event Grid retry). Applying an event takes microseconds, so a full queue means the process is starved.
    /// </summary>
    public int MaxQueuedEvents { get; set; } = 10_000;
}
