using System.Collections.Immutable;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Core.Tests.Figures;

/// <summary>
/// A contact center for the figures' tests: queues sales and support, agents Ana (both), Ben (sales) and Eli
/// (support), and a real <see cref="CallStore"/> fed the events the app would log, each at the time the test names —
/// so every expected figure can be worked out by hand from the times in the test.
/// </summary>
internal sealed class FiguresBoard
{
    public static readonly CommunicationIdentifier Ana = CommunicationIdentifier.AcsUser("8:acs:agent-ana");
    public static readonly CommunicationIdentifier Ben = CommunicationIdentifier.AcsUser("8:acs:agent-ben");
    public static readonly CommunicationIdentifier Eli = CommunicationIdentifier.AcsUser("8:acs:agent-eli");
    public static readonly CommunicationIdentifier AppIdentity = CommunicationIdentifier.AcsUser("8:acs:the-app");

    /// <summary>The day most tests run on (a Monday), in UTC unless a test gives the centre another zone.</summary>
    public static readonly DateTime Day = new(2026, 3, 2);

    private readonly Dictionary<CallId, Roster> _rosters = [];
    private readonly Dictionary<string, CommunicationIdentifier> _callers = [];
    private readonly string _idPrefix;
    private int _next;

    /// <param name="zone">The centre's time zone (UTC by default).</param>
    /// <param name="checkpoint">Where the store starts (a restart), or null for an empty board.</param>
    /// <param name="idPrefix">Event ids' prefix: another for a restarted board, so its new events are not taken for redeliveries.</param>
    public FiguresBoard(TimeZoneInfo? zone = null, StoreCheckpoint? checkpoint = null, string idPrefix = "f")
    {
        _idPrefix = idPrefix;
        Zone = zone ?? TimeZoneInfo.Utc;
        Store = new CallStore(new ManualTimeProvider(), new CallStoreOptions(TimeSpan.Zero) { DayZone = Zone }, checkpoint: checkpoint);
    }

    public ContactCenterDirectory Directory { get; } = new(
        [new QueueProfile("sales", "Sales", "1"), new QueueProfile("support", "Support", "2")],
        [
            new AgentProfile("ana", "Ana Lima", Ana, ["sales", "support"]),
            new AgentProfile("ben", "Ben Okafor", Ben, ["sales"]),
            new AgentProfile("eli", "Eli Haddad", Eli, ["support"]),
        ]);

    public TimeZoneInfo Zone { get; }

    public CallStore Store { get; }

    public CallsSnapshot Board => Store.Current;

    /// <summary><see cref="Day"/> at <paramref name="hour"/>:<paramref name="minute"/>:<paramref name="second"/> UTC.</summary>
    public static DateTimeOffset T(int hour, int minute, int second) => new(Day.AddHours(hour).AddMinutes(minute).AddSeconds(second), TimeSpan.Zero);

    /// <summary>The Figures settings: the centre's zone, the standard targets as the configured defaults.</summary>
    public FigureOptions Options => new(Zone);

    /// <summary>The targets in force: an administrator's, else the configured defaults.</summary>
    public Targets Targets => Options.TargetsOf(Board);

    /// <summary>The day's figures as the Today page reads them at <paramref name="now"/> (with the targets in force).</summary>
    public TodayFigures Today(DateTimeOffset now) => DayFigures.Today(Board, Directory, Targets, Zone, now);

    public Call Call(string callId) => Board.Find(new CallId(callId)) ?? throw new InvalidOperationException($"{callId} is not on the board");

    public CallRecord Record(string callId) => CallRecord.Of(Call(callId));

    public Agent Agent(string agentId) => Board.Agents[agentId];

    /// <summary>Every event given to the store, in order (to replay them, as a redelivery would).</summary>
    public List<CallEvent> Log { get; } = [];

    public ApplyOutcome Apply(CallEvent e)
    {
        Log.Add(e);
        return Store.Apply(e);
    }

    private string Id() => $"{_idPrefix}{++_next}";

    public void Presence(string agentId, DateTimeOffset at, AgentPresence presence = AgentPresence.Available) =>
        Must(Apply(new AgentStateChanged(Id(), at, agentId, presence, presence == AgentPresence.Away ? "Break" : null)));

    /// <summary>A caller this app answered (it goes through the menu): CallAnswered, then CallConnected.</summary>
    public void Arrive(string callId, DateTimeOffset at)
    {
        var id = new CallId(callId);
        var caller = CallerOf(callId);
        Must(Apply(new CallAnswered(Id(), id, at, null, null, caller, AppIdentity, null)));
        Must(Apply(new CallConnected(Id(), id, at, CallPlatform.Acs, "server-" + callId, "corr-" + callId, caller, AppIdentity)));
        Rostered(id, at, caller);
    }

    /// <summary>A call the board only watches (not answered by this app): CallConnected alone.</summary>
    public void Watch(string callId, DateTimeOffset at)
    {
        var id = new CallId(callId);
        Must(Apply(new CallConnected(Id(), id, at, CallPlatform.Acs, null, null, CallerOf(callId), AppIdentity)));
        Rostered(id, at, CallerOf(callId));
    }

    public void Queue(string callId, string queue, DateTimeOffset at, bool overflowed = false) =>
        Must(Apply(new CallQueued(Id(), new CallId(callId), at, queue) { Overflowed = overflowed }));

    /// <summary>The router's offer, as the runtime carries it out: planned, then the invitation ACS answered with.</summary>
    public string Offer(string callId, string agentId, DateTimeOffset at)
    {
        var agent = Directory.Agent(agentId)!;
        var context = $"offer-{callId}-{agentId}-{++_next}";
        var id = new CallId(callId);
        Must(Apply(new OfferPlanned(Id(), id, at, agentId, agent.Identity, context) { AgentName = agent.Name }));
        Must(Apply(new InvitationRequested(Id(), id, at, new InvitationId("inv-" + context), agent.Identity, context, TimeSpan.FromSeconds(20)) { TargetName = agent.Name }));
        return context;
    }

    /// <summary>The offered agent accepted: AddParticipantSucceeded, then the roster with them in it.</summary>
    public void Join(string callId, DateTimeOffset at)
    {
        var call = Call(callId);
        var offer = call.Offer ?? throw new InvalidOperationException($"{callId} has no offer");
        Must(Apply(new AddParticipantSucceeded(Id(), call.CallId, at, offer.OperationContext, offer.Agent)));
        Rostered(call.CallId, at, [.. _rosters[call.CallId].People, offer.Agent]);
    }

    /// <summary>The offered agent declined (603): a missed offer.</summary>
    public void Decline(string callId, DateTimeOffset at) => EndOffer(callId, at, new ResultInfo(603, 0, "Declined"));

    /// <summary>The offer rang out (408): a missed offer, not answered.</summary>
    public void RingOut(string callId, DateTimeOffset at) => EndOffer(callId, at, new ResultInfo(408, 0, "Request Timeout"));

    private void EndOffer(string callId, DateTimeOffset at, ResultInfo result)
    {
        var call = Call(callId);
        Must(Apply(new AddParticipantFailed(Id(), call.CallId, at, call.Offer!.OperationContext, call.Offer.Agent, result)));
    }

    /// <summary>The caller on hold (or off it), as ACS's roster tells it.</summary>
    public void Hold(string callId, DateTimeOffset at, bool onHold = true)
    {
        var id = new CallId(callId);
        var roster = _rosters[id];
        _rosters[id] = roster with { CallerOnHold = onHold };
        Rostered(id, at, [.. roster.People]);
    }

    /// <summary>A supervisor (Sam) hands the caller from their agent to <paramref name="agentId"/>, and ACS carries it out.</summary>
    public void Transfer(string callId, string agentId, DateTimeOffset at, DateTimeOffset accepted)
    {
        var call = Call(callId);
        var from = call.AgentIdentity!;
        var to = Directory.Agent(agentId)!;
        var context = $"transfer-{callId}-{++_next}";
        var pending = new PendingAction(ActionKind.Transfer, from.RawId, new SupervisorRequest("Sam", at, context))
        {
            Arguments = ImmutableDictionary<string, string>.Empty
                .Add(TransferAction.ToArgument, agentId).Add(TransferAction.IdentityArgument, to.Identity.RawId)
                .Add(TransferAction.NameArgument, to.Name).Add(TransferAction.AgentArgument, agentId),
        };
        Must(Apply(new ActionRequested(Id(), call.CallId, at, pending)));
        Must(Apply(new OperationReported(Id(), call.CallId, accepted, "CallTransferAccepted", context, true, null) { TransferTarget = to.Identity, Transferee = from }));
        Rostered(call.CallId, accepted, [.. _rosters[call.CallId].People.Where(p => p.RawId != from.RawId), to.Identity]);
    }

    /// <summary>A supervisor (Sam) hands the caller from their agent out to <paramref name="number"/>, and ACS carries it out.</summary>
    public void TransferOut(string callId, string number, DateTimeOffset at, DateTimeOffset accepted)
    {
        var call = Call(callId);
        var from = call.AgentIdentity!;
        var to = CommunicationIdentifier.Phone(number);
        var context = $"transfer-{callId}-{++_next}";
        var pending = new PendingAction(ActionKind.Transfer, from.RawId, new SupervisorRequest("Sam", at, context))
        {
            Arguments = ImmutableDictionary<string, string>.Empty
                .Add(TransferAction.ToArgument, number).Add(TransferAction.IdentityArgument, to.RawId).Add(TransferAction.NameArgument, number),
        };
        Must(Apply(new ActionRequested(Id(), call.CallId, at, pending)));
        Must(Apply(new OperationReported(Id(), call.CallId, accepted, "CallTransferAccepted", context, true, null) { TransferTarget = to, Transferee = from }));
        Rostered(call.CallId, accepted, [.. _rosters[call.CallId].People.Where(p => p.RawId != from.RawId), to]);
    }

    /// <summary>Sam asks for <paramref name="kind"/> on <paramref name="target"/> (a participant's raw id); returns the outcome.</summary>
    public ApplyOutcome Ask(string callId, ActionKind kind, string target, DateTimeOffset at, string supervisor = "Sam") =>
        Apply(new ActionRequested(Id(), new CallId(callId), at, new PendingAction(kind, target, new SupervisorRequest(supervisor, at, $"{kind}-{++_next}"))));

    public CallDisconnected HangUp(string callId, DateTimeOffset at)
    {
        var e = new CallDisconnected(Id(), new CallId(callId), at, new ResultInfo(0, 0, "Call ended"));
        Must(Apply(e));
        return e;
    }

    /// <summary>
    /// A whole answered call: arrives, queues in <paramref name="queue"/> at <paramref name="queued"/>, is offered to and
    /// answered by <paramref name="agentId"/> <paramref name="wait"/> later, talks for <paramref name="talk"/>, and the
    /// agent wraps up for <paramref name="wrapUp"/> before being available again.
    /// </summary>
    public void Answered(string callId, string queue, string agentId, DateTimeOffset queued, TimeSpan wait, TimeSpan talk, TimeSpan wrapUp)
    {
        Arrive(callId, queued.AddSeconds(-5));
        Queue(callId, queue, queued);
        Offer(callId, agentId, queued + wait - TimeSpan.FromSeconds(1));
        Join(callId, queued + wait);
        HangUp(callId, queued + wait + talk);
        Presence(agentId, queued + wait + talk + wrapUp);
    }

    /// <summary>A caller who queues at <paramref name="queued"/> and hangs up <paramref name="wait"/> later.</summary>
    public void Abandoned(string callId, string queue, DateTimeOffset queued, TimeSpan wait)
    {
        Arrive(callId, queued.AddSeconds(-5));
        Queue(callId, queue, queued);
        HangUp(callId, queued + wait);
    }

    /// <summary>The store as a checkpoint written to JSON and read back, as a restarted instance starts from it.</summary>
    public StoreCheckpoint CheckpointThroughJson() => CheckpointJson.Deserialize(CheckpointJson.Serialize(Store.Export()));

    // Each call its own caller: +14255551001, +14255551002, … in the order the calls arrive.
    private CommunicationIdentifier CallerOf(string callId)
    {
        if (!_callers.TryGetValue(callId, out var caller))
        {
            caller = CommunicationIdentifier.Phone($"+1425555{1001 + _callers.Count}");
            _callers[callId] = caller;
        }
        return caller;
    }

    private void Rostered(CallId id, DateTimeOffset at, params CommunicationIdentifier[] people)
    {
        var roster = _rosters.GetValueOrDefault(id) ?? new Roster(0, [], false);
        roster = roster with { Sequence = roster.Sequence + 1, People = [.. people] };
        _rosters[id] = roster;
        var caller = Call(id.Value).Caller?.RawId;
        var states = people.Select(p => new ParticipantState(p, false, roster.CallerOnHold && p.RawId == caller)).ToImmutableArray();
        Must(Apply(new ParticipantsUpdated(Id(), id, at, roster.Sequence, states)));
    }

    private static void Must(ApplyOutcome outcome) => Assert.True(outcome.IsApplied, $"not applied: {outcome}");

    private sealed record Roster(int Sequence, ImmutableArray<CommunicationIdentifier> People, bool CallerOnHold);
}
