using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Web.Components.Controls;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.Components.Pages;

/// <summary>
/// The supervisor's main view: summary, every call in a virtualised grid (cards on a phone) ordered with what needs
/// attention first, and the selected call's detail beside it. The selection lives in the URL (<c>?call=id</c>).
/// </summary>
/// <remarks>
/// The list must not move under the supervisor: while a call is selected or the grid is scrolled the view is frozen
/// (see <see cref="LiveCallsView"/>) and new calls wait behind a "N new calls" button. Rows are rebuilt once per store
/// batch, not per event; the order and attention marks follow the clock once a second.
/// </remarks>
public partial class LiveCalls
{
    private readonly HashSet<CallId> _alerted = [];
    private LiveCallsView _view = null!;
    private Call? _selected;
    private CallsGrid? _grid;
    private CallDetail? _detail;
    private bool _scrolled;
    private bool _focusDetail;
    private bool _revealDetail;
    private DotNetObjectReference<LiveCalls>? _self;
    private IJSObjectReference? _scrollWatch;
    private IJSObjectReference? _focusKeeper;
    private ElementReference _listPane;

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required IOptions<DashboardOptions> Options { get; init; }

    [Inject] public required IJSRuntime JS { get; init; }

    [Inject] public required CallSupervisor.Core.Workflow.WorkflowOptions Workflow { get; init; }

    [Inject] public required CallSupervisor.Core.Figures.FigureOptions Figures { get; init; }

    [SupplyParameterFromQuery(Name = "call")]
    public string? SelectedCallId { get; set; }

    protected override TimeSpan? TickInterval => TimeSpan.FromSeconds(1);

    protected override void OnInitialized()
    {
        var directory = Workflow.Directory;
        _view = new LiveCallsView(new Attention(Options.Value.Thresholds, queues: !directory.Queues.IsEmpty), Options.Value.ShowEndedFor, directory, Figures);
        base.OnInitialized();
        _selected = Find(SelectedCallId);
        _view.Frozen = _selected is not null;
        _view.Load(State, Now);
    }

    protected override void OnParametersSet()
    {
        _selected = Find(SelectedCallId);
        SetFrozen(_selected is not null || _scrolled);
    }

    protected override void OnBatch(FeedBatch<CallsSnapshot, CallChange> batch)
    {
        _view.Apply(batch, Now);
        _selected = Find(SelectedCallId);
    }

    protected override void OnTick()
    {
        _view.Refresh(Now, force: false);
        AlertNewAttention();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _grid is not null)
        {
            _self = DotNetObjectReference.Create(this);
            _scrollWatch = await JS.InvokeAsync<IJSObjectReference>("callSupervisor.observeScroll", _grid.Host, _self);
            // Rows move and leave under the keyboard user (a call ends, the order follows the clock): focus stays in the list.
            _focusKeeper = await JS.InvokeAsync<IJSObjectReference>("callSupervisor.keepFocus", _listPane, "a.cs-call-link", "href");
        }
        if (_revealDetail && _detail is not null)
        {
            // On a phone the detail sits above the list, likely out of view of the card just tapped.
            _revealDetail = false;
            await JS.InvokeVoidAsync("callSupervisor.revealDetail");
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
        _scrolled = scrolled;
        SetFrozen(_selected is not null || _scrolled);
        StateHasChanged();
    });

    // Released: the list catches up at once (order, held calls).
    private void SetFrozen(bool frozen)
    {
        var released = _view.Frozen && !frozen;
        _view.Frozen = frozen;
        if (released)
        {
            _view.Refresh(Now, force: true);
        }
    }

    private void SetFilter(CallFilter filter)
    {
        _view.Filter = filter;
        _view.Refresh(Now, force: true);
    }

    private async Task ShowHeld()
    {
        _view.Refresh(Now, force: true);
        if (_grid is not null)
        {
            await JS.InvokeVoidAsync("callSupervisor.scrollToTop", _grid.Host);
        }
    }

    private Task SelectAsync(CallSelection? selection)
    {
        _focusDetail = selection?.ByKeyboard ?? false;
        _revealDetail = selection is not null;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("call", selection?.CallId));
        return Task.CompletedTask;
    }

    private Task CloseDetail() => SelectAsync(null);

    /// <summary>Sound and desktop notice (if the supervisor opted in) for calls that just crossed a threshold.</summary>
    private void AlertNewAttention()
    {
        // An acknowledged alert stays on the board but sounds no more (until a new reason arises).
        var now = _view.NeedingAttention(Now).Where(r => !_view.Attention.IsAcknowledged(r, Now)).ToList();
        _alerted.IntersectWith(now.Select(r => r.CallId));
        var crossed = now.Where(r => _alerted.Add(r.CallId)).ToList();
        if (crossed.Count > 0 && RendererInfo.IsInteractive)
        {
            var first = crossed[0];
            var body = crossed.Count == 1
                ? $"{first.Caller}: {Attention.Describe(_view.Attention.Of(first, Now), first, Now)}"
                : $"{crossed.Count} calls need attention";
            _ = JS.InvokeAsync<bool>("callSupervisor.alerts.notify", "Call needs attention", body).AsTask();
        }
    }

    private Call? Find(string? id) => string.IsNullOrEmpty(id) ? null : State.Find(new CallId(id));

    protected override async ValueTask DisposeCoreAsync()
    {
        await JsHooks.UnhookAsync(_scrollWatch);
        await JsHooks.UnhookAsync(_focusKeeper);
        _self?.Dispose();
    }
}
