using System.Collections.Immutable;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>How a callback body was judged.</summary>
public enum CallbackParseStatus
{
    /// <summary>Parsed: apply the events, log the unmapped ones, answer 200/204.</summary>
    Ok,

    /// <summary>Not the expected shape: answer 400 with <see cref="CallbackParseResult.Error"/> as problem details.</summary>
    Malformed,

    /// <summary>The body's own credential (Graph clientState) is wrong: answer 401 and apply nothing.</summary>
    Unauthenticated,
}

/// <summary>
/// An event that is not turned into a Core event: a type the dashboard does not track, a state it ignores, or
/// (<paramref name="Malformed"/>, Graph only) a notification that does not parse while the rest of its batch does.
/// Accepted and meant to be logged; never a reason to reject the batch.
/// </summary>
public sealed record UnmappedEvent(string Id, string Type, string Reason, bool Malformed = false);

/// <summary>Outcome of parsing an ACS callback batch or a Graph notification batch.</summary>
public sealed record CallbackParseResult(
    CallbackParseStatus Status, ImmutableArray<CallEvent> Events, ImmutableArray<UnmappedEvent> Unmapped, string? Error)
{
    public bool IsSuccess => Status == CallbackParseStatus.Ok;

    public static CallbackParseResult Ok(ImmutableArray<CallEvent> events, ImmutableArray<UnmappedEvent> unmapped) =>
        new(CallbackParseStatus.Ok, events, unmapped, null);

    public static CallbackParseResult Malformed(string error) => new(CallbackParseStatus.Malformed, [], [], error);

    public static CallbackParseResult Unauthenticated(string error) => new(CallbackParseStatus.Unauthenticated, [], [], error);
}

/// <summary>
/// Outcome of parsing an Event Grid delivery. <see cref="ValidationCode"/> is set for a
/// SubscriptionValidationEvent: the endpoint answers <c>{"validationResponse": code}</c>.
/// </summary>
public sealed record EventGridParseResult(
    CallbackParseStatus Status, string? ValidationCode, ImmutableArray<IncomingCall> IncomingCalls,
    ImmutableArray<UnmappedEvent> Unmapped, string? Error)
{
    public bool IsSuccess => Status == CallbackParseStatus.Ok;

    public static EventGridParseResult Malformed(string error) => new(CallbackParseStatus.Malformed, null, [], [], error);
}

/// <summary>Thrown inside the parsers to abort a batch with a precise message; never escapes them.</summary>
internal sealed class CallbackFormatException(string message) : Exception(message);
