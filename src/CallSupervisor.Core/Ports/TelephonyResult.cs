namespace CallSupervisor.Core.Ports;

/// <summary>
/// A failure reported by ACS or Graph (CommunicationErrorResponse / Graph error): HTTP status, code and message,
/// shown to the supervisor as they are.
/// </summary>
public sealed record TelephonyError(int? HttpStatus, string Code, string Message)
{
    /// <summary>How long the service asked to be left alone (the Retry-After of a 429/503), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public override string ToString() => HttpStatus is { } s ? $"{Code} ({s}): {Message}" : $"{Code}: {Message}";
}

/// <summary>Outcome of a telephony request: success with a value, or a <see cref="TelephonyError"/>.</summary>
public sealed record TelephonyResult<T>(T? Value, TelephonyError? Error)
{
    public bool IsSuccess => Error is null;

    public static TelephonyResult<T> Ok(T value) => new(value, null);

    public static TelephonyResult<T> Fail(TelephonyError error) => new(default, error);
}

/// <summary>Marker for requests that return nothing of interest.</summary>
public readonly record struct Unit
{
    public static Unit Value => default;
}
