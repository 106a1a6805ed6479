using System.Collections.Immutable;
using CallSupervisor.Contracts;

namespace CallSupervisor.Client;

/// <summary>
/// The hub's version rule, free of any network: a connection's <c>snapshot</c> replaces the board; <c>changed</c>
/// batches that arrive before it are kept and, once it is in, those with a version above the snapshot's are
/// applied in version order; after that a batch is applied only if its version is above the board's.
/// Thread-safe: messages of an old and a new connection may be handled on different threads.
/// </summary>
public sealed class CallBoardMerger
{
    private readonly Lock _gate = new();

    // Keyed by version so early batches come out in order and a duplicate is seen at once. Unbounded on purpose:
    // the server sends the snapshot right after joining the connection to the broadcast, so only the few batches
    // published in between ever wait here.
    private readonly SortedDictionary<long, CallsChangedDto> _early = [];
    private volatile CallBoard _board = CallBoard.Empty;
    private bool _awaitingSnapshot = true;

    // The snapshot parts of this connection so far, and the part expected next.
    private ImmutableDictionary<string, CallDto>.Builder? _parts;
    private IReadOnlyList<AgentDto>? _partAgents;
    private int _nextPart = 1;

    /// <summary>The current board (<see cref="CallBoard.Empty"/> until the first snapshot).</summary>
    public CallBoard Board => _board;

    /// <summary>True from the start of a connection until its snapshot is applied; batches are buffered meanwhile.</summary>
    public bool AwaitingSnapshot
    {
        get
        {
            lock (_gate)
            {
                return _awaitingSnapshot;
            }
        }
    }

    /// <summary>
    /// A new connection is starting: forget batches kept for the previous one and buffer until this connection's
    /// snapshot. The board stays as it was (the last known state) until that snapshot replaces it.
    /// </summary>
    public void BeginConnection()
    {
        lock (_gate)
        {
            _early.Clear();
            _awaitingSnapshot = true;
            _parts = null;
            _partAgents = null;
            _nextPart = 1;
        }
    }

    /// <summary>
    /// Takes one part of a snapshot; with the last part the board is replaced by the whole snapshot and the kept
    /// batches that are newer are applied. Before that, on the first connection only, the board shows the parts so
    /// far (<see cref="CallBoard.IsPartial"/>). A part out of order is ignored.
    /// </summary>
    public MergeResult ApplySnapshot(CallsSnapshotDto snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            if (snapshot.Part <= 1)
            {
                _parts = ImmutableDictionary.CreateBuilder<string, CallDto>(StringComparer.Ordinal);
                _partAgents = null;
                _nextPart = 1;
            }
            if (_parts is null || snapshot.Part != _nextPart || snapshot.Part > snapshot.Parts)
            {
                return new MergeResult(MergeOutcome.Ignored, _board);
            }
            foreach (var call in snapshot.Calls)
            {
                _parts[call.CallId] = call;
            }
            // Every part carries the agents; an older server sends none (the board then has none).
            _partAgents = snapshot.Agents ?? _partAgents;
            _nextPart++;
            if (snapshot.Part < snapshot.Parts)
            {
                if (_board.SnapshotsApplied > 0)
                {
                    // A reconnect: the last known board stays until the new one is whole.
                    return new MergeResult(MergeOutcome.Buffered, _board);
                }
                _board = new CallBoard(snapshot.Version, snapshot.Counts, _parts.ToImmutable(), 0, _partAgents ?? [], isPartial: true);
                return new MergeResult(MergeOutcome.Applied, _board);
            }

            // Replaced, not merged, even if its version is lower than the board's: after a server restart the
            // versions start again, and the snapshot is the truth of this connection.
            var board = new CallBoard(snapshot.Version, snapshot.Counts, _parts.ToImmutable(), _board.SnapshotsApplied + 1, _partAgents ?? []);
            _parts = null;
            _partAgents = null;
            foreach (var batch in _early.Values)
            {
                if (batch.Version > board.Version)
                {
                    board = Apply(board, batch);
                }
            }
            _early.Clear();
            _awaitingSnapshot = false;
            _board = board;
            return new MergeResult(MergeOutcome.Applied, board);
        }
    }

    /// <summary>Applies, buffers or ignores one <c>changed</c> batch by the version rule.</summary>
    public MergeResult ApplyChanged(CallsChangedDto batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            if (_awaitingSnapshot)
            {
                return new MergeResult(_early.TryAdd(batch.Version, batch) ? MergeOutcome.Buffered : MergeOutcome.Ignored, _board);
            }
            if (batch.Version <= _board.Version)
            {
                return new MergeResult(MergeOutcome.Ignored, _board);
            }
            _board = Apply(_board, batch);
            return new MergeResult(MergeOutcome.Applied, _board);
        }
    }

    // Batches carry whole calls, so a changed call simply replaces the one on the board; agents come whole too, and
    // only when they changed (null: keep the board's).
    private static CallBoard Apply(CallBoard board, CallsChangedDto batch)
    {
        var calls = board.CallMap.ToBuilder();
        foreach (var call in batch.Changed)
        {
            calls[call.CallId] = call;
        }
        foreach (var removed in batch.Removed)
        {
            calls.Remove(removed);
        }
        return new CallBoard(batch.Version, batch.Counts, calls.ToImmutable(), board.SnapshotsApplied, batch.Agents ?? board.Agents);
    }
}
