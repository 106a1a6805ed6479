using System.Text.Json;

namespace CallSupervisor.Core.Journal;

/// <summary>
/// A journaled event names a type this build does not know (written by a newer version, or a name that was
/// changed). Thrown rather than skipped: whether to skip it, stop, or fail start-up is the journal reader's call.
/// </summary>
public sealed class UnknownEventTypeException : JsonException
{
    public UnknownEventTypeException(string typeName, Exception? innerException = null)
        : base($"Unknown event type '{typeName}': no event is journaled under that name.", innerException)
    {
        TypeName = typeName;
    }

    /// <summary>The discriminator as found in the JSON.</summary>
    public string TypeName { get; }
}
