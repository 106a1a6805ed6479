using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Store;
using CallSupervisor.Web.Components.Controls;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace CallSupervisor.Web.Components.Pages;

/// <summary>
/// The supervisor's main view: summary, every call in a virtualised grid (cards on a phone) ordered with what needs
/// attention first, and the selected call's detail beside it. The selection lives in the URL (<c>?call=id</c>).
/// </summary>
/// <remarks>
/// The list must not move under the supervisor: while a call is selected or the grid is scrolled, the order is
/// frozen — existing rows update in place, new calls wait behind a "N new calls" button and rows that would drop
/// out stay (dimmed) until the view is released. Rows are rebuilt once per store batch, not per event; the order
/// and attention marks are refreshed with the clock once a second.
/// </remarks>
public partial class LiveCalls
{
    private readonly Dictionary<CallId, CallRow> _rowsById = [];
    private readonly HashSet<CallId> _held = [];
    private readonly HashSet<CallId> _alerted = [];
    private List<CallId> _order = [];
    private List<CallRow> _rows = [];
    private CallFilter _filter = new();
    private Call? _selected;
    private BoardSummary _summary = new(0, 0, null, 0, 0, 0);
    private Attention _attention = null!;
    private TimeSpan _showEndedFor;
    private CallsGrid? _grid;
    private CallDetail? _detail;
    private bool _scrolled;
    private bool _focusDetail;
    private DotNetObjectReference<LiveCalls>? _self;
    private IJSObjectReference? _scrollWatch;

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required IOptions<DashboardOptions> Options { get; init; }

    [Inject] public required IJSRuntime JS { get; init; }

    [SupplyParameterFromQuery(Name = "call")]
    public string? SelectedCallId { get; set; }

    protected override TimeSpan? TickInterval => TimeSpan.FromSeconds(1);

    /// <summary>Frozen while the supervisor looks at something: a selected call, or a scrolled list.</summary>
    private bool Frozen => _selected is not null || _scrolled;

    protected override void OnInitialized()
    {
        _attention = new Attention(Options.Value.Thresholds);
        _showEndedFor = Options.Value.ShowEndedFor;
        base.OnInitialized();
        foreach (var call in State.Calls.Values)
        {
            _rowsById[call.CallId] = CallRow.From(call);
        }
        _selected = Find(SelectedCallId);
        Refresh(force: true);
    }

    protected override void OnParametersSet()
    {
        var wasFrozen = Frozen;
        _selected = Find(SelectedCallId);
        if (wasFrozen && !Frozen)
        {
            Refresh(force: true);
        }
    }

    protected override void OnBatch(FeedBatch<CallsSnapshot, CallChange> batch)
    {
        // Only the calls named in the batch are re-flattened (10,000 calls, a handful changed per batch).
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
        _selected = Find(SelectedCallId);
        Refresh(force: false);
    }

    protected override void OnTick()
    {
        Refresh(force: false);
        AlertNewAttention();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _grid is not null)
        {
            _self = DotNetObjectReference.Create(this);
            _scrollWatch = await JS.InvokeAsync<IJSObjectReference>("callSupervisor.observeScroll", _grid.Host, _self);
        }
        if (_focusDetail && _detail is not null)
        {
            _focusDetail = false;
            await _detail.FocusAsync();
        }
    }

    /// <summary>Called by js/app.js when the grid's scroll position leaves or returns to the top.</summary>
    [JSInvokable]
    public Task SetScrolled(bool scrolled) => InvokeAsync(() =>
    {
        var wasFrozen = Frozen;
        _scrolled = scrolled;
        if (wasFrozen && !Frozen)
        {
            Refresh(force: true);
        }
        StateHasChanged();
    });

    /// <summary>
    /// Recomputes what is shown. Unfrozen (or forced by the supervisor's own choice), it filters and orders afresh;
    /// frozen, it keeps the order and holds back calls that were not shown yet.
    /// </summary>
    private void Refresh(bool force)
    {
        if (force || !Frozen)
        {
            _order = [.. _filter.Apply(_rowsById.Values, Now, _showEndedFor, _attention).Select(r => r.CallId)];
            _held.Clear();
        }
        else
        {
            _order.RemoveAll(id => !_rowsById.ContainsKey(id));
            var shown = _order.ToHashSet();
            foreach (var row in _rowsById.Values)
            {
                if (!shown.Contains(row.CallId) && _filter.Matches(row, Now, _showEndedFor, _attention))
                {
                    _held.Add(row.CallId);
                }
            }
            _held.RemoveWhere(id => !_rowsById.ContainsKey(id));
        }
        _rows = [.. _order.Select(id => _rowsById[id])];
        _summary = BoardSummary.From(_rowsById.Values, Now, _attention);
    }

    private void SetFilter(CallFilter filter)
    {
        _filter = filter;
        Refresh(force: true);
    }

    private async Task ShowHeld()
    {
        Refresh(force: true);
        if (_grid is not null)
        {
            await JS.InvokeVoidAsync("callSupervisor.scrollToTop", _grid.Host);
        }
    }

    private Task SelectAsync(CallSelection? selection)
    {
        _focusDetail = selection?.ByKeyboard ?? false;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("call", selection?.CallId));
        return Task.CompletedTask;
    }

    private Task CloseDetail() => SelectAsync(null);

    /// <summary>Sound and desktop notice (if the supervisor opted in) for calls that just crossed a threshold.</summary>
    private void AlertNewAttention()
    {
        var crossed = new List<CallRow>();
        foreach (var row in _rowsById.Values)
        {
            if (_attention.Of(row, Now) == AttentionReason.None)
            {
                _alerted.Remove(row.CallId);
            }
            else if (_alerted.Add(row.CallId))
            {
                crossed.Add(row);
            }
        }
        if (crossed.Count > 0 && RendererInfo.IsInteractive)
        {
            var first = crossed[0];
            var body = crossed.Count == 1
                ? $"{first.Caller}: {Attention.Describe(_attention.Of(first, Now), first, Now)}"
                : $"{crossed.Count} calls need attention";
            _ = JS.InvokeAsync<bool>("callSupervisor.alerts.notify", "Call needs attention", body).AsTask();
        }
    }

    private Call? Find(string? id) => string.IsNullOrEmpty(id) ? null : State.Find(new CallId(id));

    protected override async ValueTask DisposeCoreAsync()
    {
        if (_scrollWatch is not null)
        {
            try
            {
                await _scrollWatch.InvokeVoidAsync("dispose");
                await _scrollWatch.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone: nothing to unhook.
            }
        }
        _self?.Dispose();
    }
}
