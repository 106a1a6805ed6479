using System.Collections.Immutable;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store;

/// <summary>
/// Everything a <see cref="CallStore"/> needs to carry on where another left off: the snapshot, the event ids
/// remembered for de-duplication (oldest first) and the version. Taken by <see cref="CallStore.Export"/> in one
/// step, so the three agree; given to the <see cref="CallStore"/> constructor to start from it instead of from
/// nothing (see <see cref="EventLog.CheckpointJson"/> for its JSON).
/// </summary>
public sealed record StoreCheckpoint(CallsSnapshot Snapshot, ImmutableArray<string> SeenEventIds, long Version);
