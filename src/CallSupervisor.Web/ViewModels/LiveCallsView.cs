using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// What the live calls page shows, kept outside the component so it can be tested and measured on its own: one
/// <see cref="CallRow"/> per call (re-flattened only for the calls a batch names), the filtered and ordered list,
/// the calls held back while the view is frozen, and the summary.
/// </summary>
/// <remarks>
/// Frozen (a call selected, or the list scrolled), the order is kept: existing rows update in place, rows that left
/// the board drop out, and calls that would be added wait in <see cref="Held"/> until <see cref="Refresh"/> is
/// forced (the supervisor's own choice: a filter, the "new calls" button, or the view being released).
/// </remarks>
public sealed class LiveCallsView(Attention attention, TimeSpan showEndedFor, CallSupervisor.Core.Routing.ContactCenterDirectory? directory = null, CallSupervisor.Core.Figures.FigureOptions? figures = null)
{
    private readonly CallSupervisor.Core.Figures.FigureOptions _figures = figures ?? CallSupervisor.Core.Figures.FigureOptions.Utc;

    private readonly CallSupervisor.Core.Routing.ContactCenterDirectory _directory = directory ?? CallSupervisor.Core.Routing.ContactCenterDirectory.Empty;

    private readonly Dictionary<CallId, CallRow> _rowsById = [];
    private readonly HashSet<CallId> _held = [];
    private List<CallId> _order = [];
    private Dictionary<CallId, int>? _positions;

    /// <summary>The attention rules, with the targets in force (replaced when an administrator changes them).</summary>
    public Attention Attention { get; private set; } = attention;

    public CallFilter Filter { get; set; } = new();

    /// <summary>Frozen while the supervisor looks at something (see the remarks).</summary>
    public bool Frozen { get; set; }

    /// <summary>The rows to show, in order.</summary>
    public List<CallRow> Rows { get; private set; } = [];

    /// <summary>Calls that match but wait for the frozen view to be released.</summary>
    public IReadOnlyCollection<CallId> Held => _held;

    public BoardSummary Summary { get; private set; } = new(0, 0, null, 0, 0, 0);

    /// <summary>Each waiting caller's place in their queue (found with the order, at every refresh).</summary>
    public QueueLine Queues { get; private set; } = QueueLine.Empty;

    /// <summary>Every call of the snapshot, flattened (the first render).</summary>
    public void Load(CallsSnapshot snapshot, DateTimeOffset now)
    {
        Attention = Attention.With(_figures.TargetsOf(snapshot));
        _rowsById.Clear();
        foreach (var call in snapshot.Calls.Values)
        {
            _rowsById[call.CallId] = CallRow.Of(call);
        }
        Refresh(now, force: true);
    }

    /// <summary>
    /// Re-flattens only the calls named in the batch (10,000 calls, a handful changed per batch). When none of them
    /// moved (see <see cref="CallRow.SamePlaceAs"/>: a mute, a roster count, a state between two live ones) the rows
    /// are replaced where they stand, without filtering and ordering the whole board again; the once-a-second
    /// <see cref="Refresh"/> still lets the order follow the clock.
    /// </summary>
    public void Apply(FeedBatch<CallsSnapshot, CallChange> batch, DateTimeOffset now)
    {
        var moved = false;
        List<CallRow>? replaced = null;
        if (batch.Changes.Any(c => c.Kind == CallChangeKind.Settings))
        {
            Attention = Attention.With(_figures.TargetsOf(batch.State));
            moved = true;
        }
        foreach (var change in batch.Changes)
        {
            if (!change.IsCall)
            {
                // Not a call: agents or targets changed (the Agents and Today pages show them; every row here is a call).
                continue;
            }
            var before = _rowsById.GetValueOrDefault(change.CallId);
            if (batch.State.Find(change.CallId) is { } call)
            {
                var row = CallRow.Of(call);
                _rowsById[change.CallId] = row;
                if (before is null || !row.SamePlaceAs(before))
                {
                    moved = true;
                }
                else
                {
                    (replaced ??= []).Add(row);
                }
            }
            else
            {
                moved |= _rowsById.Remove(change.CallId);
            }
        }
        if (moved)
        {
            Refresh(now, force: false);
        }
        else if (replaced is not null)
        {
            ReplaceInPlace(replaced);
            Summary = BoardSummary.From(_rowsById.Values, now, Attention, _directory);
        }
    }

    /// <summary>Filters and orders afresh when unfrozen or <paramref name="force"/>d; otherwise keeps the order.</summary>
    public void Refresh(DateTimeOffset now, bool force)
    {
        if (force || !Frozen)
        {
            _order = [.. Filter.Apply(_rowsById.Values, now, showEndedFor, Attention).Select(r => r.CallId)];
            _held.Clear();
        }
        else
        {
            _order.RemoveAll(id => !_rowsById.ContainsKey(id));
            var shown = _order.ToHashSet();
            foreach (var row in _rowsById.Values)
            {
                if (!shown.Contains(row.CallId) && Filter.Matches(row, now, showEndedFor, Attention))
                {
                    _held.Add(row.CallId);
                }
            }
            _held.RemoveWhere(id => !_rowsById.ContainsKey(id));
        }
        Rows = [.. _order.Select(id => _rowsById[id])];
        _positions = null;
        Summary = BoardSummary.From(_rowsById.Values, now, Attention, _directory);
        Queues = QueueLine.From(_rowsById.Values, _directory);
    }

    // A new list (the grid holds the previous one) with the same order; positions are found once per order.
    private void ReplaceInPlace(List<CallRow> rows)
    {
        if (_positions is null)
        {
            _positions = new Dictionary<CallId, int>(Rows.Count);
            for (var i = 0; i < Rows.Count; i++)
            {
                _positions[Rows[i].CallId] = i;
            }
        }
        var next = new List<CallRow>(Rows);
        foreach (var row in rows)
        {
            if (_positions.TryGetValue(row.CallId, out var at))
            {
                next[at] = row;
            }
        }
        Rows = next;
    }

    /// <summary>Calls needing attention now (for the opt-in alerts).</summary>
    public IEnumerable<CallRow> NeedingAttention(DateTimeOffset now) =>
        _rowsById.Values.Where(r => Attention.Of(r, now) != AttentionReason.None);
}
