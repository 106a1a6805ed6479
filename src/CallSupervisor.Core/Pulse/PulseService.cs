using System.Collections.Immutable;
using CallSupervisor.Core.Feeds;

namespace CallSupervisor.Core.Pulse;

/// <summary>
/// Singleton holding the server heartbeat. A timer calls <see cref="Tick"/>; any supervisor can
/// <see cref="Acknowledge"/>, and every open dashboard sees the shared count change.
/// </summary>
public sealed class PulseService(TimeSpan batchWindow, TimeProvider? time = null)
{
    private readonly StateFeed<PulseState, PulseChange> _feed = new(PulseState.Empty, batchWindow, time);

    public PulseState Current => _feed.Current;

    public int SubscriberCount => _feed.SubscriberCount;

    public void Tick(DateTimeOffset now) =>
        _feed.Update(s => (s with { ServerTime = now }, ImmutableArray.Create(PulseChange.Ticked), 0));

    /// <summary>Increments the shared acknowledgement count and returns the new value.</summary>
    public long Acknowledge() =>
        _feed.Update(s =>
        {
            var next = s with { Acknowledgements = s.Acknowledgements + 1 };
            return (next, ImmutableArray.Create(PulseChange.Acknowledged), next.Acknowledgements);
        });

    public FeedSubscription<PulseState, PulseChange> Subscribe(CancellationToken cancellationToken) =>
        _feed.Subscribe(cancellationToken);
}
