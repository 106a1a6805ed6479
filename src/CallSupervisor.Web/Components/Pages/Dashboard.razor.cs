using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Pulse;
using Microsoft.AspNetCore.Components;

namespace CallSupervisor.Web.Components.Pages;

public partial class Dashboard
{
    [Inject] public required PulseService Pulse { get; init; }

    protected override FeedSubscription<PulseState, PulseChange> Subscribe(CancellationToken cancellationToken) =>
        Pulse.Subscribe(cancellationToken);

    private void Acknowledge() => Pulse.Acknowledge();
}
