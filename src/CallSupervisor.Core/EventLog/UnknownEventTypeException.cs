using System.Text.Json;

namespace CallSupervisor.Core.EventLog;

/// <summary>
/// A logged event names a type this build does not know (written by a newer version, or a name that was
/// changed). Thrown rather than skipped: whether to skip it, stop, or fail start-up is the event log reader's call.
/// </summary>
public sealed class UnknownEventTypeException : JsonException
{
    public UnknownEventTypeException(string typeName, Exception? innerException = null)
        : base($"Unknown event type '{typeName}': no event is logged under that name.", innerException)
    {
        TypeName = typeName;
    }

    /// <summary>The discriminator as found in the JSON.</summary>
    public string TypeName { get; }
}
