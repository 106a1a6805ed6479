using System.Text;
using System.Text.Json;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.EventLog;

/// <summary>
/// A <see cref="StoreCheckpoint"/> as one JSON document: <c>{"format":1,"version":…,"seenEventIds":[…],
/// "calls":[…],"activity":[…]}</c>, calls and activity in the shapes the events use (same ids, identifiers, enums).
/// </summary>
public static class CheckpointJson
{
    /// <summary>
    /// The document's layout. Raised when a change would make older documents read wrongly; a reader refuses other
    /// numbers, and a snapshot it cannot read only costs a longer replay of the journal.
    /// </summary>
    public const int Format = 1;

    public static string Serialize(StoreCheckpoint checkpoint) =>
        JsonSerializer.Serialize(ToDocument(checkpoint), EventLogJson.Checkpoint);

    public static byte[] SerializeToUtf8Bytes(StoreCheckpoint checkpoint) =>
        JsonSerializer.SerializeToUtf8Bytes(ToDocument(checkpoint), EventLogJson.Checkpoint);

    /// <exception cref="JsonException">Not a checkpoint, or one of another <see cref="Format"/>.</exception>
    public static StoreCheckpoint Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <inheritdoc cref="Deserialize(string)"/>
    public static StoreCheckpoint Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var document = JsonSerializer.Deserialize(utf8Json, EventLogJson.Checkpoint)
            ?? throw new JsonException("The JSON is null, not a checkpoint.");
        if (document.Format != Format)
        {
            throw new JsonException($"Checkpoint format {document.Format} is not known here (this build reads {Format}).");
        }
        if (document.Version < 0)
        {
            throw new JsonException($"A checkpoint's version is 0 or more, not {document.Version}.");
        }
        try
        {
            return new StoreCheckpoint(CallsSnapshot.Restore(document.Calls, document.Activity, document.Agents ?? [], document.Figures, document.Targets), document.SeenEventIds, document.Version);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"The checkpoint's calls do not form a snapshot: {e.Message}", e);
        }
    }

    private static CheckpointDocument ToDocument(StoreCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new CheckpointDocument(
            Format,
            checkpoint.Version,
            checkpoint.SeenEventIds,
            [.. checkpoint.Snapshot.Calls.Values],
            [.. checkpoint.Snapshot.Activity])
        {
            Agents = [.. checkpoint.Snapshot.Agents.Values],
            Figures = checkpoint.Snapshot.Figures,
            Targets = checkpoint.Snapshot.Targets,
        };
    }
}
