using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Store;
using CallSupervisor.Web.Calls;
using CallSupervisor.Web.ViewModels;
using Microsoft.AspNetCore.Components;

namespace CallSupervisor.Web.Components.Pages;

/// <summary>
/// The supervisor's main view: every call in a virtualised grid, search and filters, and the selected call's
/// detail beside it. The selection lives in the URL (<c>?call=id</c>) so it can be shared and survives a reload.
/// Rows are rebuilt once per store batch, not per event; durations tick once a second.
/// </summary>
public partial class LiveCalls
{
    private static readonly CallState?[] StateOptions = [CallState.Connecting, CallState.Connected, CallState.Disconnecting, CallState.Disconnected, CallState.Unknown];

    private readonly Dictionary<CallId, CallRow> _rowsById = [];
    private List<CallRow> _allRows = [];
    private IReadOnlyList<CallRow> _rows = [];
    private CallFilter _filter = new();
    private Call? _selected;

    [Inject] public required CallStore Store { get; init; }

    [Inject] public required SupervisorActions Actions { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "call")]
    public string? SelectedCallId { get; set; }

    protected override TimeSpan? TickInterval => TimeSpan.FromSeconds(1);

    protected override FeedSubscription<CallsSnapshot, CallChange> Subscribe(CancellationToken cancellationToken) =>
        Store.Subscribe(cancellationToken);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Rebuild();
    }

    protected override void OnParametersSet() => _selected = Find(SelectedCallId);

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
        _allRows = [.. _rowsById.Values];
        _rows = _filter.Apply(_allRows);
        _selected = Find(SelectedCallId);
    }

    private void Rebuild()
    {
        _rowsById.Clear();
        foreach (var call in State.Calls.Values)
        {
            _rowsById[call.CallId] = CallRow.From(call);
        }
        _allRows = [.. _rowsById.Values];
        _rows = _filter.Apply(_allRows);
    }

    private void SetFilter(CallFilter filter)
    {
        _filter = filter;
        _rows = _filter.Apply(_allRows);
    }

    private void OnSearch(ChangeEventArgs e) => SetFilter(_filter with { Search = e.Value?.ToString() });

    private Call? Find(string? id) => string.IsNullOrEmpty(id) ? null : State.Find(new CallId(id));

    private void Select(string? callId) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("call", callId));
}
