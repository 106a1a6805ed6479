using System.Diagnostics;

namespace CallSupervisor.Core.Diagnostics;

/// <summary>
/// A trace context as a W3C <c>traceparent</c> (<c>00-{trace id}-{span id}-{flags}</c>): how a record of the shared
/// event log carries the trace of its append to another instance's apply.
/// </summary>
public static class TraceParent
{
    /// <summary>The field (and header) name the W3C Trace Context gives it.</summary>
    public const string Field = "traceparent";

    public static string Format(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";

    /// <summary>The context in <paramref name="value"/>; default when there is none or it is not a valid traceparent.</summary>
    public static ActivityContext Parse(string? value) =>
        !string.IsNullOrEmpty(value) && ActivityContext.TryParse(value, null, isRemote: true, out var context) ? context : default;
}
