using System.Collections.Immutable;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Store.Rules;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store;

/// <summary>
/// The single source of truth for calls (a singleton). Events are folded into an immutable
/// <see cref="CallsSnapshot"/> atomically; every change is published through a <see cref="StateFeed{TState,TChange}"/>
/// as <see cref="CallChange"/>s naming the touched call. All state transitions, including the de-duplication set,
/// run inside the feed's update lock, so concurrent callbacks and supervisor commands are serialised.
/// </summary>
public sealed partial class CallStore : ICallsFeed
{
    private readonly StateFeed<CallsSnapshot, CallChange> _feed;
    private readonly SeenEventIds _seen;
    private readonly CallStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly IActionOutcomeObserver? _outcomes;

    /// <remarks>
    /// <c>checkpoint</c> is where to start: a checkpoint of an earlier store (<see cref="Export"/>), or null for an
    /// empty board. A restored store publishes nothing for it: its subscribers get the restored snapshot as their
    /// initial state, the remembered event ids still catch redeliveries, and versions continue from the
    /// checkpoint's. Activity beyond <see cref="CallStoreOptions.MaxActivity"/> and ids beyond
    /// <see cref="CallStoreOptions.MaxRememberedEventIds"/> (the oldest) are dropped, as they would have been had
    /// this store applied the events itself. Given at construction, not later, so nothing can have subscribed to
    /// (or applied to) the empty board it replaces.
    /// </remarks>
    public CallStore(TimeProvider time, CallStoreOptions? options = null, IActionOutcomeObserver? outcomes = null, StoreCheckpoint? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _outcomes = outcomes;
        _options = options ?? CallStoreOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxActivity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxRememberedEventIds);
        _seen = new SeenEventIds(_options.MaxRememberedEventIds);
        var initial = CallsSnapshot.Empty;
        if (checkpoint is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(checkpoint.Version, nameof(checkpoint));
            ArgumentNullException.ThrowIfNull(checkpoint.Snapshot, nameof(checkpoint));
            if (checkpoint.SeenEventIds.IsDefault)
            {
                throw new ArgumentException("The checkpoint has no seen event ids (default array).", nameof(checkpoint));
            }
            foreach (var eventId in checkpoint.SeenEventIds)
            {
                _seen.Add(eventId);
            }
            initial = checkpoint.Snapshot.Activity.Count > _options.MaxActivity
                ? checkpoint.Snapshot.WithActivity([], _options.MaxActivity)
                : checkpoint.Snapshot;
        }
        _feed = new StateFeed<CallsSnapshot, CallChange>(initial, _options.BatchWindow, time, checkpoint?.Version ?? 0);
    }

    /// <summary>The newest snapshot; immutable, safe to read from any thread.</summary>
    public CallsSnapshot Current => _feed.Current;

    /// <summary>Increases by one with every published change.</summary>
    public long Version => _feed.Version;

    public int SubscriberCount => _feed.SubscriberCount;

    /// <summary>
    /// The current snapshot and, until cancelled, batches of later changes, no closer together than
    /// <paramref name="batchWindow"/> (default: the store's <see cref="CallStoreOptions.BatchWindow"/>).
    /// </summary>
    public FeedSubscription<CallsSnapshot, CallChange> Subscribe(CancellationToken cancellationToken, TimeSpan? batchWindow = null) =>
        _feed.Subscribe(cancellationToken, batchWindow);

    /// <summary>
    /// Applies an event: at most once per <see cref="CallEvent.DeduplicationKey"/> (within the remembered window),
    /// never throwing for events that do not fit the state — they come back as Stale or Ignored with the reason.
    /// Also returns the call as this event left it (null when not applied): a caller that acts on the result (the
    /// action executor, through the replica) reads exactly the state its event produced, not a later one.
    /// </summary>
    public (ApplyOutcome Outcome, Call? Call) ApplyAndRead(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        return _feed.Update(snapshot =>
        {
            var key = callEvent.DeduplicationKey;
            if (_seen.Contains(key))
            {
                return (snapshot, ImmutableArray<CallChange>.Empty, (ApplyOutcome.Duplicate, (Call?)null));
            }
            if (callEvent is IncomingCallClaimed)
            {
                // A claim changes no call: its key among the remembered ids is its whole effect.
                _seen.Add(key);
                return (snapshot, ImmutableArray<CallChange>.Empty, (ApplyOutcome.Applied, (Call?)null));
            }
            if (callEvent is AgentStateChanged agentEvent)
            {
                // Not about a call: the agent's own word. Made by the app once each, so not remembered for duplicates.
                var agent = snapshot.Agents.GetValueOrDefault(agentEvent.AgentId);
                var next = AgentRules.Presence(agent ?? Agent.Unknown(agentEvent.AgentId, agentEvent.OccurredAt, _options.DayZone), agentEvent, _options.DayZone);
                return (WithAgent(snapshot, agent, next), [CallChange.Agents], (ApplyOutcome.Applied, (Call?)null));
            }
            if (callEvent is TargetsChanged targets)
            {
                // Settings, not a call: the whole set replaces the one in force (every instance applies the same).
                return (snapshot.WithTargets(targets.Targets), [CallChange.Settings], (ApplyOutcome.Applied, (Call?)null));
            }
            var existing = snapshot.Find(callEvent.CallId);
            var fold = Busy(snapshot, EventRules.Apply(existing, callEvent), callEvent);
            // Remembered whatever the outcome: a redelivered stale or ignored event is reported as a duplicate.
            if (callEvent.Redeliverable)
            {
                _seen.Add(key);
            }
            return Publish(snapshot, existing, fold, callEvent);
        });
    }

    /// <summary>
    /// The store as it is now — snapshot, remembered event ids and version, taken together between two updates — for
    /// a new store to start from (the <c>checkpoint</c> of the constructor).
    /// </summary>
    public StoreCheckpoint Export() =>
        _feed.Read((snapshot, version) => new StoreCheckpoint(snapshot, _seen.InOrder(), version));

    /// <summary>Removes calls that ended before <paramref name="olderThan"/>; returns how many were removed.</summary>
    public int PruneEnded(DateTimeOffset olderThan) =>
        _feed.Update(snapshot =>
        {
            var removed = snapshot.Calls.Values
                .Where(c => c.EndedAt is { } ended && ended < olderThan)
                .Select(c => c.CallId)
                .ToImmutableArray();
            var next = snapshot;
            foreach (var callId in removed)
            {
                next = next.WithoutCall(callId);
            }
            var changes = removed.Select(id => new CallChange(id, CallChangeKind.Removed)).ToImmutableArray();
            return (next, changes, removed.Length);
        });

    /// <summary>
    /// An offer — the router's, or an action's (assign, take the call, transfer) — is refused when its agent has another
    /// offer or call already: checked here, against the agents as they are, so no race between the router and a
    /// supervisor (or two instances) can give anyone two.
    /// </summary>
    private static Fold Busy(CallsSnapshot snapshot, Fold fold, CallEvent callEvent)
    {
        var context = callEvent switch
        {
            ActionRequested requested => requested.Action.OperationContext,
            OfferPlanned planned => planned.OperationContext,
            _ => null,
        };
        if (context is null || fold.Call?.Offer is not { } offer || offer.OperationContext != context
            || !snapshot.Agents.TryGetValue(offer.AgentId, out var agent))
        {
            return fold;
        }
        return agent.OfferCallId is { } offered && offered != callEvent.CallId ? Fold.Ignored($"{offer.AgentName ?? offer.AgentId} is being offered another call ({offered})")
            : agent.CallId is { } on && on != callEvent.CallId ? Fold.Ignored($"{offer.AgentName ?? offer.AgentId} is on another call ({on})")
            : fold;
    }

    private static ActivityCategory Category(CallEvent e) => e switch
    {
        ParticipantsUpdated => ActivityCategory.Participants,
        InvitationRequested or AddParticipantSucceeded or AddParticipantFailed or CancelAddParticipantSucceeded
            or CancelAddParticipantFailed or InvitationExpired => ActivityCategory.Invitation,
        MediaOperationStarted or MediaOperationEnded or MediaExpired => ActivityCategory.Media,
        ActionRequested or ActionFailed or ActionExpired or OperationReported or AlertAcknowledged => ActivityCategory.Action,
        _ => ActivityCategory.Call,
    };

    private (CallsSnapshot, ImmutableArray<CallChange>, (ApplyOutcome, Call?)) Publish(CallsSnapshot snapshot, Call? existing, Fold fold, CallEvent callEvent)
    {
        if (fold.Call is not { } call || !fold.Outcome.IsApplied)
        {
            return (snapshot, ImmutableArray<CallChange>.Empty, (fold.Outcome, null));
        }
        // Entries are stamped here, once: what they are about (by the event that produced them) and the call's
        // name as it is now, so the feed can name the call after it is gone.
        var category = Category(callEvent);
        // The journey and the day's figures follow from the call before and after, whatever rule changed it.
        call = JourneyRules.Follow(existing, call, callEvent) with
        {
            LastEventAt = existing?.LastEventAt is { } last && last > callEvent.OccurredAt ? last : callEvent.OccurredAt,
        };
        var label = ParticipantNames.CallLabel(call);
        var entries = fold.Activity.Select(a => a with { Category = category, CallLabel = label });
        var next = snapshot.WithCall(call).WithActivity(entries, _options.MaxActivity)
            .WithFigures(FigureRules.Call(snapshot.Figures, existing, call, callEvent.OccurredAt));
        var change = new CallChange(call.CallId, existing is null ? CallChangeKind.Added : CallChangeKind.Updated);
        ReportSettled(existing, call);
        var agentsChanged = false;
        foreach (var agent in AgentRules.Follow(id => next.Agents.GetValueOrDefault(id) ?? Agent.Unknown(id, callEvent.OccurredAt, _options.DayZone), existing, call, callEvent.OccurredAt, _options.DayZone))
        {
            next = WithAgent(next, next.Agents.GetValueOrDefault(agent.AgentId), agent);
            agentsChanged = true;
        }
        return (next, agentsChanged ? [change, CallChange.Agents] : [change], (fold.Outcome, call));
    }

    /// <summary>The snapshot with <paramref name="next"/> replacing <paramref name="previous"/>, its time counted in the figures.</summary>
    private CallsSnapshot WithAgent(CallsSnapshot snapshot, Agent? previous, Agent next)
    {
        var (agent, figures) = FigureRules.Agent(snapshot.Figures, previous, next, _options.DayZone);
        return snapshot.WithAgent(agent).WithFigures(figures);
    }

    // An action is settled when its pending entry goes; its outcome was added by the same fold.
    private void ReportSettled(Call? before, Call after)
    {
        if (_outcomes is null || before is null || ReferenceEquals(before.PendingActions, after.PendingActions))
        {
            return;
        }
        foreach (var operationContext in before.PendingActions.Keys)
        {
            if (!after.PendingActions.ContainsKey(operationContext) && after.OutcomeOf(operationContext) is { } outcome)
            {
                _outcomes.Settled(outcome);
            }
        }
    }
}
