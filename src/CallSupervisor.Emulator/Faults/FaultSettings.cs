namespace CallSupervisor.Emulator.Faults;

/// <summary>
/// The fault configuration in force: the body and answer of <c>POST/GET /emulator/faults</c> (durations in
/// milliseconds so tests can write plain numbers). Omitted members mean "no fault".
/// </summary>
internal sealed record FaultSettings(
    double RestLatencyMs = 0,
    int FailNextRequests = 0,
    string? FailOperation = null,
    int FailStatusCode = 503,
    string? FailErrorCode = null,
    string? FailErrorMessage = null,
    bool DuplicateCallbacks = false,
    int ReorderBatchSize = 0,
    double ReorderHoldWindowMs = 500,
    double DropCallbackProbability = 0)
{
    public static FaultSettings From(FaultOptions o) => new(
        o.RestLatency.TotalMilliseconds, o.FailNextRequests, o.FailOperation, o.FailStatusCode, o.FailErrorCode,
        o.FailErrorMessage, o.DuplicateCallbacks, o.ReorderBatchSize, o.ReorderHoldWindow.TotalMilliseconds,
        o.DropCallbackProbability);

    /// <summary>Why these settings cannot be applied, or null.</summary>
    public string? Problem() => this switch
    {
        { RestLatencyMs: < 0 } or { ReorderHoldWindowMs: < 0 } => "restLatencyMs and reorderHoldWindowMs must not be negative",
        { FailNextRequests: < 0 } or { ReorderBatchSize: < 0 } => "failNextRequests and reorderBatchSize must not be negative",
        { FailStatusCode: < 400 or > 599 } => "failStatusCode must be between 400 and 599",
        { DropCallbackProbability: < 0 or > 1 } => "dropCallbackProbability must be between 0 and 1",
        { FailOperation: { Length: > 0 } op } when !Http.OperationNames.IsKnown(op) =>
            $"failOperation '{op}' is unknown; use one of {string.Join(", ", Http.OperationNames.All)}",
        _ => null,
    };
}

/// <summary>A failure to answer with instead of running the request.</summary>
internal sealed record InjectedFailure(int StatusCode, string? ErrorCode, string? ErrorMessage);
