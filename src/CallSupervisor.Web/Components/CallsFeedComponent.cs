using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Store;
using Microsoft.AspNetCore.Components;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.Components;

/// <summary>A component that shows the live board: <see cref="FeedComponentBase{TState,TChange}"/> on <see cref="ICallsFeed"/>.</summary>
public abstract class CallsFeedComponent : FeedComponentBase<CallsSnapshot, CallChange>
{
    [Inject] public required ICallsFeed Feed { get; init; }

    protected override FeedSubscription<CallsSnapshot, CallChange> Subscribe(CancellationToken cancellationToken) =>
        Feed.Subscribe(cancellationToken);
}
