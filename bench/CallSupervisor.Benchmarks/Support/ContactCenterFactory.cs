using System.Collections.Immutable;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Benchmarks.Support;

/// <summary>
/// A contact center for the routing benchmarks: three queues with priorities (sales 2, support 1, billing 0) and
/// <c>agents</c> agents, each serving one queue and every other one a second. Builds boards of queued callers and
/// agents in mixed states, and streams of call lifecycles with or without the contact-center events, with
/// GUID-shaped ids and a clock that moves 1 ms per event. Deterministic: every run applies the same events.
/// </summary>
public sealed class ContactCenterFactory
{
    /// <summary>Events per call of <see cref="Lifecycles"/> without routing: connected, roster, menu started and
    /// answered, hold music, invitation, accepted, roster with the agent, hold music cancelled, disconnected.</summary>
    public const int CallEventsPerLifecycle = 10;

    /// <summary>… and with routing: also queued, offer planned, and the agent available again after wrap-up.</summary>
    public const int RoutedEventsPerLifecycle = CallEventsPerLifecycle + 3;

    /// <summary>… and the caller put on hold and taken off it (<c>holds: true</c>).</summary>
    public const int HoldEventsPerLifecycle = 2;

    private static readonly ImmutableArray<QueueProfile> Queues =
    [
        new("sales", "Sales", "1", Priority: 2),
        new("support", "Support", "2", Priority: 1),
        new("billing", "Billing", "3", Priority: 0),
    ];

    private int _nextEventId;
    private DateTimeOffset _now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <param name="agents">How many agents the directory has.</param>
    /// <param name="start">The time of the first event (default 2026-03-02 09:00 UTC).</param>
    public ContactCenterFactory(int agents, DateTimeOffset? start = null)
    {
        _now = start ?? _now;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(agents);
        var profiles = new AgentProfile[agents];
        for (var i = 0; i < agents; i++)
        {
            ImmutableArray<string> queues = i % 2 == 0
                ? [Queues[i % Queues.Length].Id, Queues[(i + 1) % Queues.Length].Id]
                : [Queues[i % Queues.Length].Id];
            profiles[i] = new AgentProfile($"agent-{i:D4}", $"Agent {i}", CommunicationIdentifier.AcsUser(Ids.AcsUser(10_000 + i)), queues);
        }
        Directory = new ContactCenterDirectory(Queues, [.. profiles]);
    }

    public ContactCenterDirectory Directory { get; }

    /// <summary>Wrap-up long enough that no wrap-up ends during a benchmark (the board would then decide presences).</summary>
    public RoutingOptions Options { get; } = new(MissedOffersToAway: 2, WrapUpTime: TimeSpan.FromHours(1));

    /// <summary>The time of the last event built.</summary>
    public DateTimeOffset Now => _now;

    /// <summary>What an agent is doing on a board built by <see cref="Board"/>: of every 20, 2 available, 1 away,
    /// 1 in wrap-up, 16 on a call.</summary>
    public static AgentState StateOf(int agent) => (agent % 20) switch
    {
        0 or 1 => AgentState.Available,
        2 => AgentState.Away,
        3 => AgentState.WrapUp,
        _ => AgentState.OnCall,
    };

    /// <summary>
    /// The events of a board: every agent signed in and in <see cref="StateOf"/> (a call each for those on a call or
    /// wrapping up), then <paramref name="callers"/> callers queued over the three queues with hold music playing.
    /// <paramref name="noneAvailable"/> sends the available agents away instead. <paramref name="routing"/> false
    /// leaves out the contact-center events (queued, offer planned, agent states): the same calls without routing.
    /// </summary>
    public List<CallEvent> Board(int callers, bool routing = true, bool noneAvailable = false)
    {
        var events = new List<CallEvent>();
        for (var i = 0; i < Directory.Agents.Length; i++)
        {
            var agent = Directory.Agents[i];
            if (routing)
            {
                events.Add(new AgentStateChanged(NextId(), Tick(), agent.Id, AgentPresence.Available, "Signed in"));
            }
            var state = StateOf(i);
            if (routing && (state == AgentState.Away || (state == AgentState.Available && noneAvailable)))
            {
                events.Add(new AgentStateChanged(NextId(), Tick(), agent.Id, AgentPresence.Away, "Break"));
            }
            if (state is AgentState.OnCall or AgentState.WrapUp)
            {
                var call = new CallId(Ids.Guid(i, 9));
                var context = $"offer-{call}";
                events.Add(Connected(call, i));
                if (routing)
                {
                    events.Add(new CallQueued(NextId(), call, Tick(), agent.Queues[0]));
                    events.Add(new OfferPlanned(NextId(), call, Tick(), agent.Id, agent.Identity, context) { AgentName = agent.Name });
                }
                events.Add(new InvitationRequested(NextId(), call, Tick(), new InvitationId(Ids.Guid(i, 10)), agent.Identity, context, TimeSpan.FromSeconds(20)) { TargetName = agent.Name });
                events.Add(new AddParticipantSucceeded(NextId(), call, Tick(), context, agent.Identity));
                if (state == AgentState.WrapUp)
                {
                    events.Add(new CallDisconnected(NextId(), call, Tick(), new ResultInfo(0, 0, null)));
                }
            }
        }
        for (var c = 0; c < callers; c++)
        {
            var call = new CallId(Ids.Guid(c, 11));
            events.Add(Connected(call, 100_000 + c));
            if (routing)
            {
                events.Add(new CallQueued(NextId(), call, Tick(), Queues[c % Queues.Length].Id));
            }
            events.Add(new MediaOperationStarted(NextId(), call, Tick(), new MediaOperationId($"hold-{call}"), MediaKind.Play, "hold music"));
        }
        return events;
    }

    /// <summary>
    /// <paramref name="calls"/> whole calls, <paramref name="concurrent"/> at a time (consecutive events go to
    /// different calls, as callbacks of concurrent calls do), each answered by the next agent in turn. A call: connected,
    /// roster, menu started and answered with its queue's key, hold music, [queued, offer planned,] invitation,
    /// accepted, roster with the agent, hold music cancelled, disconnected[, the agent available again].
    /// </summary>
    /// <remarks><paramref name="holds"/> also puts the caller on hold and takes them off it once the agent has joined
    /// (two more rosters a call, <see cref="HoldEventsPerLifecycle"/>).</remarks>
    public CallEvent[] Lifecycles(int first, int calls, int concurrent, bool routing, bool holds = false)
    {
        int[] steps = holds ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 10, 11, 12] : [.. Enumerable.Range(0, RoutedEventsPerLifecycle)];
        var perCall = new List<List<CallEvent>>(calls);
        for (var j = 0; j < calls; j++)
        {
            perCall.Add([]);
        }
        var events = new List<CallEvent>(calls * RoutedEventsPerLifecycle);
        for (var wave = 0; wave < calls; wave += concurrent)
        {
            var end = Math.Min(calls, wave + concurrent);
            // Built step by step across the wave so the clock moves as the interleaved stream does.
            foreach (var step in steps)
            {
                for (var j = wave; j < end; j++)
                {
                    if (Lifecycle(first + j, step, routing) is { } e)
                    {
                        events.Add(e);
                    }
                }
            }
        }
        return [.. events];
    }

    private CallEvent? Lifecycle(int n, int step, bool routing)
    {
        var call = new CallId(Ids.Guid(n, 12));
        var agent = Directory.Agents[n % Directory.Agents.Length];
        var queue = Queues[n % Queues.Length];
        var caller = CommunicationIdentifier.Phone($"+1206{n % 10_000_000:D7}");
        var menu = new MediaOperationId($"menu-{call}");
        var hold = new MediaOperationId($"hold-{call}");
        var context = $"offer-{call}";
        return step switch
        {
            0 => Connected(call, n),
            1 => new ParticipantsUpdated(NextId(), call, Tick(), 1, [new ParticipantState(caller, false, false)]),
            2 => new MediaOperationStarted(NextId(), call, Tick(), menu, MediaKind.Recognize, "menu"),
            3 => new MediaOperationEnded(NextId(), call, Tick(), menu, MediaKind.Recognize, MediaStatus.Completed, new ResultInfo(200, 0, null)) { Tones = queue.MenuDigit },
            4 => new MediaOperationStarted(NextId(), call, Tick(), hold, MediaKind.Play, "hold music"),
            5 => routing ? new CallQueued(NextId(), call, Tick(), queue.Id) : null,
            6 => routing ? new OfferPlanned(NextId(), call, Tick(), agent.Id, agent.Identity, context) { AgentName = agent.Name } : null,
            7 => new InvitationRequested(NextId(), call, Tick(), new InvitationId(Ids.Guid(n, 13)), agent.Identity, context, TimeSpan.FromSeconds(20)) { TargetName = agent.Name },
            8 => new AddParticipantSucceeded(NextId(), call, Tick(), context, agent.Identity),
            9 => new ParticipantsUpdated(NextId(), call, Tick(), 2, [new ParticipantState(caller, false, false), new ParticipantState(agent.Identity, false, false)]),
            10 => new MediaOperationEnded(NextId(), call, Tick(), hold, MediaKind.Play, MediaStatus.Cancelled, new ResultInfo(400, 8508, "Action failed, the operation was canceled.")),
            11 => new CallDisconnected(NextId(), call, Tick(), new ResultInfo(0, 0, null)),
            12 => routing ? new AgentStateChanged(NextId(), Tick(), agent.Id, AgentPresence.Available, "Wrap-up over") : null,
            13 => new ParticipantsUpdated(NextId(), call, Tick(), 3, [new ParticipantState(caller, false, true), new ParticipantState(agent.Identity, false, false)]),
            14 => new ParticipantsUpdated(NextId(), call, Tick(), 4, [new ParticipantState(caller, false, false), new ParticipantState(agent.Identity, false, false)]),
            _ => null,
        };
    }

    /// <summary>Every agent of the directory signed in (available).</summary>
    public List<CallEvent> SignIn() =>
        [.. Directory.Agents.Select(a => (CallEvent)new AgentStateChanged(NextId(), Tick(), a.Id, AgentPresence.Available, "Signed in"))];

    /// <summary>
    /// <paramref name="calls"/> callers who hang up while waiting: connected, [queued,] hold music, disconnected (4 or
    /// 3 events a call), one after the other.
    /// </summary>
    public List<CallEvent> Abandons(int first, int calls, bool routing)
    {
        var events = new List<CallEvent>(calls * 4);
        for (var n = first; n < first + calls; n++)
        {
            var call = new CallId(Ids.Guid(n, 15));
            events.Add(Connected(call, n));
            if (routing)
            {
                events.Add(new CallQueued(NextId(), call, Tick(), Queues[n % Queues.Length].Id));
            }
            events.Add(new MediaOperationStarted(NextId(), call, Tick(), new MediaOperationId($"hold-{call}"), MediaKind.Play, "hold music"));
            _now = _now.AddSeconds(20 + n % 40);
            events.Add(new CallDisconnected(NextId(), call, Tick(), new ResultInfo(0, 0, null)));
        }
        return events;
    }

    /// <summary>Moves the clock to <paramref name="at"/> (never back).</summary>
    public void MoveTo(DateTimeOffset at) => _now = at > _now ? at : _now;

    private CallConnected Connected(CallId call, int caller) =>
        new(NextId(), call, Tick(), CallPlatform.Acs, $"server-{call}", $"corr-{call}", CommunicationIdentifier.Phone($"+1425{caller % 10_000_000:D7}"), null);

    private string NextId() => Ids.Guid(++_nextEventId, 14);

    private DateTimeOffset Tick() => _now = _now.AddMilliseconds(1);
}
