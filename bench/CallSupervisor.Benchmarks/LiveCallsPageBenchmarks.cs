using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;
using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Store;
using CallSupervisor.Web.ViewModels;
using Radzen;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// The live calls page's own work with 10,000 calls (<see cref="DashboardState"/>), using the page's view models
/// (<see cref="CallRow"/>, <see cref="CallFilter"/>) from CallSupervisor.Web. The page methods are mirrored line
/// for line (<c>LiveCalls.razor.cs</c>: <c>Rebuild</c> and <c>OnBatch</c>), since the component itself needs a
/// renderer and injected services. Rendering, diffing and SignalR are not measured.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class LiveCallsPageBenchmarks
{
    public const int Calls = 10_000;
    public const int ChangedPerBatch = 10;

    /// <summary>Part of a caller number: matches the 10 callers +14250001230 … +14250001239.</summary>
    public const string SearchText = "425000123";

    private const int GridWindow = 50;

    private static readonly CallFilter NoFilter = new();
    private static readonly CallFilter Search = new(Search: SearchText);
    private static readonly CallFilter PendingInvitesOnly = new(PendingInvitesOnly: true);

    // The page's fields (LiveCalls.razor.cs).
    private readonly Dictionary<CallId, CallRow> _rowsById = [];
    private List<CallRow> _allRows = [];

    private CallsSnapshot _initial = null!;
    private FeedBatch<CallsSnapshot, CallChange> _batch = null!;

    [GlobalSetup]
    public void SetUp()
    {
        var (store, events) = DashboardState.BuildStore(Calls);
        _initial = store.Current;
        Rebuild();

        // One batch: a roster update (the agent's mute flips) on 10 live calls spread over the population.
        CallEvent[] rosters = [.. Enumerable.Range(0, Calls).Select(events.Target)
            .Where(call => _initial.Find(events.CallId(call))!.IsLive)
            .Take(ChangedPerBatch)
            .Select(events.Roster)];
        StoreSeeder.ApplyAll(store, rosters);
        _batch = new FeedBatch<CallsSnapshot, CallChange>(
            rosters.Length, store.Current, [.. rosters.Select(e => new CallChange(e.CallId, CallChangeKind.Updated))]);

        Check(_allRows.Count == Calls, $"{_allRows.Count} rows after Rebuild");
        Check(FlattenAll().Length == Calls, "FlattenAll");
        Check(Batch10_NoFilter().Count == Calls, "no filter");
        Check(Batch10_Search().Count == 10, $"search matched {Batch10_Search().Count} rows");
        Check(Batch10_PendingInvitesOnly().Count == Calls / 10, $"pending invites matched {Batch10_PendingInvitesOnly().Count} rows");
        var changed = _batch.Changes.Select(c => c.CallId).ToHashSet();
        Check(changed.Count == ChangedPerBatch, "distinct changed calls");
        Check(changed.All(id => _rowsById[id].Muted != CallRow.From(_initial.Find(id)!).Muted), "the batch changed each row");

        var sorted = SortByStartedAtDescending();
        Check(sorted.Zip(sorted.Skip(1)).All(p => p.First.StartedAt >= p.Second.StartedAt), "sort order");
        Check(RadzenOrderByWindow().Select(r => r.StartedAt).SequenceEqual(sorted.Take(GridWindow).Select(r => r.StartedAt)), "Radzen sort");
    }

    /// <summary><see cref="CallRow.From"/> for every call, nothing else.</summary>
    [Benchmark]
    public CallRow[] FlattenAll() => [.. _initial.Calls.Values.Select(CallRow.From)];

    /// <summary>What the page pays on first render: <c>Rebuild()</c> (dictionary, list copy, filter).</summary>
    [Benchmark]
    public IReadOnlyList<CallRow> Rebuild()
    {
        _rowsById.Clear();
        foreach (var call in _initial.Calls.Values)
        {
            _rowsById[call.CallId] = CallRow.From(call);
        }
        _allRows = [.. _rowsById.Values];
        return NoFilter.Apply(_allRows);
    }

    /// <summary>The first half of <c>OnBatch</c> alone: re-flatten the 10 calls named in the batch.</summary>
    [Benchmark]
    public int Batch10_ReflattenOnly()
    {
        Reflatten(_batch);
        return _rowsById.Count;
    }

    /// <summary><c>OnBatch</c> with no search or filter: re-flatten 10, copy 10,000 rows, filter (all pass).</summary>
    [Benchmark]
    public IReadOnlyList<CallRow> Batch10_NoFilter() => OnBatch(_batch, NoFilter);

    /// <summary><c>OnBatch</c> with a search string (case-insensitive substring over each row's SearchText).</summary>
    [Benchmark]
    public IReadOnlyList<CallRow> Batch10_Search() => OnBatch(_batch, Search);

    /// <summary><c>OnBatch</c> with "Pending invites" ticked (1,000 rows pass).</summary>
    [Benchmark]
    public IReadOnlyList<CallRow> Batch10_PendingInvitesOnly() => OnBatch(_batch, PendingInvitesOnly);

    /// <summary>All 10,000 rows by StartedAt, newest first (LINQ; the rows are in dictionary order, as on the page).</summary>
    [Benchmark]
    public CallRow[] SortByStartedAtDescending() => [.. _allRows.OrderByDescending(r => r.StartedAt)];

    /// <summary>
    /// The same sort through Radzen's string-based <see cref="QueryableExtension.OrderBy{T}(IQueryable{T}, string)"/>,
    /// then a count and the first window of 50 rows, the shape of RadzenDataGrid's virtualised item loading in its
    /// public source (not verified against Radzen.Blazor 11.2.7 internals).
    /// </summary>
    [Benchmark]
    public List<CallRow> RadzenOrderByWindow()
    {
        var view = QueryableExtension.OrderBy(_allRows.AsQueryable(), "StartedAt desc");
        var count = view.Count();
        var window = view.Skip(0).Take(GridWindow).ToList();
        return count == _allRows.Count ? window : throw new InvalidOperationException("count");
    }

    private IReadOnlyList<CallRow> OnBatch(FeedBatch<CallsSnapshot, CallChange> batch, CallFilter filter)
    {
        Reflatten(batch);
        _allRows = [.. _rowsById.Values];
        return filter.Apply(_allRows);
    }

    private void Reflatten(FeedBatch<CallsSnapshot, CallChange> batch)
    {
        foreach (var callId in batch.Changes.Select(c => c.CallId).Distinct())
        {
            if (batch.State.Find(callId) is { } call)
            {
                _rowsById[callId] = CallRow.From(call);
            }
            else
            {
                _rowsById.Remove(callId);
            }
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"LiveCallsPageBenchmarks setup: {what}");
        }
    }
}
