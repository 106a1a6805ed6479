using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.ViewModels;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// The live calls page's own work with 10,000 calls (<see cref="DashboardState"/>), through the page's view model
/// <see cref="LiveCallsView"/> itself (the component only renders what it holds): the first load, one batch of 10
/// changed calls unfrozen and frozen, the once-a-second refresh, and the alerts' attention scan. The rendered page is
/// measured by <see cref="LiveCallsRenderBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class LiveCallsPageBenchmarks
{
    public const int Calls = 10_000;
    public const int ChangedPerBatch = 10;

    /// <summary>Part of a caller number: matches the 10 callers +14250001230 … +14250001239.</summary>
    public const string SearchText = "425000123";

    private readonly Attention _attention = new(new AttentionThresholds());
    private CallsSnapshot _initial = null!;
    private FeedBatch<CallsSnapshot, CallChange> _batch = null!;
    private LiveCallsView _view = null!;
    private LiveCallsView _frozen = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void SetUp()
    {
        var (store, events) = DashboardState.BuildStore(Calls);
        _initial = store.Current;
        // A minute after the last change: the ended calls are past their moment on the live view.
        _now = _initial.Calls.Values.Max(c => c.EndedAt ?? c.StartedAt) + TimeSpan.FromMinutes(1);

        // One batch: a roster update (the agent's mute flips) on 10 live calls spread over the population.
        CallEvent[] rosters = [.. Enumerable.Range(0, Calls).Select(events.Target)
            .Where(call => _initial.Find(events.CallId(call))!.IsLive)
            .Take(ChangedPerBatch)
            .Select(events.Roster)];
        StoreSeeder.ApplyAll(store, rosters);
        _batch = new FeedBatch<CallsSnapshot, CallChange>(
            rosters.Length, store.Current, [.. rosters.Select(e => new CallChange(e.CallId, CallChangeKind.Updated))]);

        _view = NewView();
        Check(Load().Count == Calls - Calls / 20, $"{_view.Rows.Count} rows after Load (ended calls long gone are hidden)");
        Check(Batch10().Count == _view.Rows.Count, "batch keeps the rows");
        Check(Batch10_Search().Count == 10 - 1, $"search matched {Batch10_Search().Count} rows (one of the ten has ended)");
        // Its own view, frozen over the full list (the other benchmarks leave _view with whatever filter ran last).
        _frozen = NewView();
        _frozen.Load(_initial, _now);
        _frozen.Frozen = true;
        Check(Batch10_Frozen().Count == Calls - Calls / 20, $"frozen batch shows {Batch10_Frozen().Count} rows");
        Check(_view.Summary.Calls == Calls - Calls / 20, $"summary counts {_view.Summary.Calls} live calls");
    }

    private LiveCallsView NewView() => new(_attention, TimeSpan.FromSeconds(30));

    /// <summary><see cref="CallRow.From"/> for every call, nothing else.</summary>
    [Benchmark]
    public CallRow[] FlattenAll() => [.. _initial.Calls.Values.Select(CallRow.From)];

    /// <summary>What the page pays before its first render: flatten, filter, order (needs attention first), summary.</summary>
    [Benchmark]
    public List<CallRow> Load()
    {
        _view = NewView();
        _view.Load(_initial, _now);
        return _view.Rows;
    }

    /// <summary>One store batch, unfrozen: re-flatten the 10 calls it names, filter and order 10,000 rows, summary.</summary>
    [Benchmark]
    public List<CallRow> Batch10()
    {
        _view.Frozen = false;
        _view.Filter = new CallFilter();
        _view.Apply(_batch, _now);
        return _view.Rows;
    }

    /// <summary>The same batch with a search string (case-insensitive substring over each row's search text).</summary>
    [Benchmark]
    public List<CallRow> Batch10_Search()
    {
        _view.Frozen = false;
        _view.Filter = new CallFilter(Search: SearchText);
        _view.Apply(_batch, _now);
        return _view.Rows;
    }

    /// <summary>The same batch while a call is selected: the order is kept, rows update in place.</summary>
    [Benchmark]
    public List<CallRow> Batch10_Frozen()
    {
        _frozen.Apply(_batch, _now);
        return _frozen.Rows;
    }

    /// <summary>The once-a-second refresh (the order and attention follow the clock).</summary>
    [Benchmark]
    public List<CallRow> Tick()
    {
        _view.Frozen = false;
        _view.Refresh(_now, force: false);
        return _view.Rows;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"LiveCallsPageBenchmarks setup: {what}");
        }
    }
}
