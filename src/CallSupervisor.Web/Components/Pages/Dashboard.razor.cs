using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Store;
using Microsoft.AspNetCore.Components;

namespace CallSupervisor.Web.Components.Pages;

public partial class Dashboard
{
    private IReadOnlyList<Call> _calls = [];

    [Inject] public required CallStore Store { get; init; }

    protected override FeedSubscription<CallsSnapshot, CallChange> Subscribe(CancellationToken cancellationToken) =>
        Store.Subscribe(cancellationToken);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _calls = Order(State);
    }

    protected override void OnBatch(FeedBatch<CallsSnapshot, CallChange> batch) => _calls = Order(batch.State);

    // Newest first; computed once per batch, not per render.
    private static List<Call> Order(CallsSnapshot snapshot) =>
        [.. snapshot.Calls.Values.OrderByDescending(c => c.StartedAt)];
}
