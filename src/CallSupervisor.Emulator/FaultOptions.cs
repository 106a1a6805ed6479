namespace CallSupervisor.Emulator;

/// <summary>
/// Fault injection at start (the runtime API <c>POST /emulator/faults</c> replaces it). Random faults draw from their
/// own generator seeded from <see cref="EmulatorOptions.Seed"/>, so a run is reproducible.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Extra latency added to every REST response (ACS and Graph).</summary>
    public TimeSpan RestLatency { get; set; } = TimeSpan.Zero;

    /// <summary>The next N REST requests (matching <see cref="FailOperation"/> when set) fail with <see cref="FailStatusCode"/>.</summary>
    public int FailNextRequests { get; set; }

    /// <summary>Operation name to fail (answer, getCall, listParticipants, getParticipant, addParticipant, removeParticipant,
    /// mute, cancelAddParticipant, play, recognize, cancelAllMediaOperations, hangUp, terminate, cancelMediaProcessing,
    /// getGraphCall, listGraphParticipants); all when empty.</summary>
    public string? FailOperation { get; set; }

    public int FailStatusCode { get; set; } = 503;

    /// <summary>Error code in the failure body; a code matching the status when empty.</summary>
    public string? FailErrorCode { get; set; }

    public string? FailErrorMessage { get; set; }

    /// <summary>Send every callback twice with the same event id.</summary>
    public bool DuplicateCallbacks { get; set; }

    /// <summary>When above 1, callbacks of one call are held until this many are queued (or the hold window passes) and sent in reverse order.</summary>
    public int ReorderBatchSize { get; set; }

    public TimeSpan ReorderHoldWindow { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Probability (0–1) that a callback is silently dropped.</summary>
    public double DropCallbackProbability { get; set; }
}
