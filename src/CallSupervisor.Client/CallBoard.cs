using System.Collections.Immutable;
using CallSupervisor.Contracts;

namespace CallSupervisor.Client;

/// <summary>
/// The calls as the hub has shown them: one immutable value per applied snapshot or batch, so a reader can keep
/// a board and look at it at leisure while newer boards replace it.
/// </summary>
public sealed class CallBoard
{
    private static readonly CallCountsDto NoCounts = new(0, 0, 0, 0);

    /// <summary>The board before any snapshot: no calls, version 0, no snapshot applied.</summary>
    public static CallBoard Empty { get; } = new(0, NoCounts, ImmutableDictionary<string, CallDto>.Empty.WithComparers(StringComparer.Ordinal), 0, []);

    private readonly Lazy<IReadOnlyList<QueueSummary>> _queues;

    internal CallBoard(long version, CallCountsDto counts, ImmutableDictionary<string, CallDto> calls, int snapshotsApplied, IReadOnlyList<AgentDto> agents, bool isPartial = false)
    {
        Version = version;
        Counts = counts;
        CallMap = calls;
        SnapshotsApplied = snapshotsApplied;
        Agents = agents;
        IsPartial = isPartial;
        _queues = new Lazy<IReadOnlyList<QueueSummary>>(() => QueueSummary.Of(calls.Values));
    }

    /// <summary>Every agent with their state, as last sent (empty from a server that sends none).</summary>
    public IReadOnlyList<AgentDto> Agents { get; }

    /// <summary>
    /// Callers waiting per queue (live, queued, no agent yet), by queue id, found from the calls the first time it is
    /// read. Queues with nobody waiting are not listed.
    /// </summary>
    public IReadOnlyList<QueueSummary> Queues => _queues.Value;

    /// <summary>The server's store version this board reflects (the snapshot's, or the last applied batch's).</summary>
    public long Version { get; }

    /// <summary>The server's totals as of <see cref="Version"/>.</summary>
    public CallCountsDto Counts { get; }

    /// <summary>Every call on the board by call id, each as last sent by the server (complete).</summary>
    public IReadOnlyDictionary<string, CallDto> Calls => CallMap;

    /// <summary>
    /// How many snapshots this board has been rebuilt from: 1 after the first connection, one more after each
    /// reconnect (every new connection starts with a fresh snapshot that replaces the board).
    /// </summary>
    public int SnapshotsApplied { get; }

    /// <summary>
    /// True while the first snapshot is still arriving in parts: <see cref="Counts"/> are complete, <see cref="Calls"/>
    /// holds the parts so far (live calls come first). A reconnect's parts are shown only once all are in.
    /// </summary>
    public bool IsPartial { get; }

    internal ImmutableDictionary<string, CallDto> CallMap { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"version {Version}, {Calls.Count} call(s) (live {Counts.LiveCalls}, participants {Counts.Participants}, " +
        $"pending invitations {Counts.PendingInvitations}, running media {Counts.RunningMedia}), {SnapshotsApplied} snapshot(s) applied";
}
