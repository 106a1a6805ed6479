using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// What the live calls page shows, kept outside the component so it can be tested and measured on its own: the
/// board it was last given with every call's shared <see cref="CallRow"/> (<see cref="BoardRows"/>, flattened once
/// per call version for every page), the filtered and ordered list, the calls held back while the view is frozen,
/// and the summary.
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

    // The board itself, not a copy: every page holds the same immutable snapshot and the same shared rows
    // (CallRow.Of), so what a page keeps of its own is the rows it shows. An index of every call per page was most of
    // an idle circuit's memory at 10,000 calls.
    private CallsSnapshot _board = CallsSnapshot.Empty;
    private readonly HashSet<CallId> _held = [];

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
        _board = snapshot;
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
        var previous = _board;
        _board = batch.State;
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
            var before = previous.Find(change.CallId) is { } was ? CallRow.Of(was) : null;
            if (batch.State.Find(change.CallId) is { } call)
            {
                var row = CallRow.Of(call);
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
                moved |= before is not null;
            }
        }
        if (moved)
        {
            Refresh(now, force: false);
        }
        else if (replaced is not null)
        {
            ReplaceInPlace(replaced);
            Summary = BoardSummary.From(AllRows(), now, Attention, _directory);
        }
    }

    /// <summary>Filters and orders afresh when unfrozen or <paramref name="force"/>d; otherwise keeps the order.</summary>
    public void Refresh(DateTimeOffset now, bool force)
    {
        var all = AllRows();
        if (force || !Frozen)
        {
            Rows = Filter.Apply(all, now, showEndedFor, Attention);
            _held.Clear();
        }
        else
        {
            // The order kept, each row brought to the board's version; calls that left it drop out.
            var kept = new List<CallRow>(Rows.Count);
            var shown = new HashSet<CallId>();
            foreach (var row in Rows)
            {
                if (_board.Find(row.CallId) is { } call)
                {
                    kept.Add(CallRow.Of(call));
                    shown.Add(row.CallId);
                }
            }
            Rows = kept;
            foreach (var row in all)
            {
                if (!shown.Contains(row.CallId) && Filter.Matches(row, now, showEndedFor, Attention))
                {
                    _held.Add(row.CallId);
                }
            }
            _held.RemoveWhere(id => _board.Find(id) is null);
        }
        Summary = BoardSummary.From(all, now, Attention, _directory);
        Queues = QueueLine.From(all, _directory);
    }

    // A new list (the grid holds the previous one) with the same order, the replaced rows where they stood. One pass
    // over the shown rows instead of an index of their positions kept per page.
    private void ReplaceInPlace(List<CallRow> rows)
    {
        // A batch joins every change made while the page waited for its browser, so it can name a call more than
        // once: the last row of a call is its newest.
        var byId = new Dictionary<CallId, CallRow>(rows.Count);
        foreach (var row in rows)
        {
            byId[row.CallId] = row;
        }
        var next = new List<CallRow>(Rows);
        for (var i = 0; i < next.Count; i++)
        {
            if (byId.TryGetValue(next[i].CallId, out var row))
            {
                next[i] = row;
            }
        }
        Rows = next;
    }

    private CallRow[] AllRows() => BoardRows.Of(_board);

    /// <summary>Calls needing attention now (for the opt-in alerts).</summary>
    public IEnumerable<CallRow> NeedingAttention(DateTimeOffset now) =>
        AllRows().Where(r => Attention.Of(r, now) != AttentionReason.None);
}
