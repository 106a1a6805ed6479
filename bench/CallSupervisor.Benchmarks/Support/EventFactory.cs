using CallSupervisor.Core.Ports;

namespace CallSupervisor.Benchmarks.Support;

/// <summary>
/// Builds realistic events for a fixed population of calls: GUID-shaped ids, a caller (phone) and an agent (ACS user)
/// per call, a clock that moves 10 ms per event, and per-call counters so roster sequence numbers always increase and
/// media/invitation ids never repeat. Deterministic: every run applies the same events.
/// </summary>
public sealed class EventFactory
{
    /// <summary>Events in one <see cref="Cycle"/>.</summary>
    public const int EventsPerCycle = 5;

    // Spreads consecutive cycles over the population; coprime to every population size used here.
    private const long Spread = 7_919;

    private static readonly CommunicationIdentifier Supervisor = CommunicationIdentifier.TeamsUser(Ids.Guid(0x5e7, 3));
    private readonly CallId[] _callIds;
    private readonly CommunicationIdentifier[] _callers;
    private readonly CommunicationIdentifier[] _agents;
    private readonly int[] _sequences;
    private readonly int[] _cycles;
    private int _nextEventId;
    private DateTimeOffset _now = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public EventFactory(int calls)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(calls);
        _callIds = new CallId[calls];
        _callers = new CommunicationIdentifier[calls];
        _agents = new CommunicationIdentifier[calls];
        for (var i = 0; i < calls; i++)
        {
            _callIds[i] = new CallId(Ids.Guid(i, 0));
            _callers[i] = CommunicationIdentifier.Phone($"+1425{i:D7}");
            _agents[i] = CommunicationIdentifier.AcsUser(Ids.AcsUser(i % 500));
        }
        _sequences = new int[calls];
        _cycles = new int[calls];
    }

    public int Calls => _callIds.Length;

    public CallId CallId(int call) => _callIds[call];

    /// <summary>The call the i-th cycle or roster of a burst goes to: consecutive ones land on different calls.</summary>
    public int Target(int i) => (int)(i * Spread % Calls);

    public CallConnected Connected(int call) =>
        new(NextId(), _callIds[call], Tick(), CallPlatform.Acs, $"server-{_callIds[call]}", $"corr-{_callIds[call]}",
            _callers[call], _agents[call]);

    public CallDisconnected Disconnected(int call) => new(NextId(), _callIds[call], Tick(), new ResultInfo(0, 0, null));

    /// <summary>The full roster (caller + agent) with the next sequence number. The agent's mute flips on every
    /// update, so each roster is a real change with an activity line, as a mute/unmute would be.</summary>
    public ParticipantsUpdated Roster(int call)
    {
        var sequence = ++_sequences[call];
        return new(NextId(), _callIds[call], Tick(), sequence,
            [new ParticipantState(_callers[call], false, false), new ParticipantState(_agents[call], sequence % 2 == 0, false)]);
    }

    public MediaOperationStarted MediaStarted(int call, MediaOperationId id) =>
        new(NextId(), _callIds[call], Tick(), id, MediaKind.Play, "hold music");

    public MediaOperationEnded MediaEnded(int call, MediaOperationId id) =>
        new(NextId(), _callIds[call], Tick(), id, MediaKind.Play, MediaStatus.Completed, new ResultInfo(200, 0, "Action completed successfully."));

    public InvitationRequested Invite(int call, InvitationId id, string operationContext) =>
        new(NextId(), _callIds[call], Tick(), id, Supervisor, operationContext, TimeSpan.FromSeconds(30));

    public AddParticipantSucceeded Accepted(int call, string operationContext) =>
        new(NextId(), _callIds[call], Tick(), operationContext, Supervisor);

    /// <summary>
    /// One realistic burst of callbacks for a call: a roster update, a prompt started and completed, a participant
    /// invited and accepting. Every event is Applied.
    /// </summary>
    public void Cycle(int call, List<CallEvent> into)
    {
        var n = ++_cycles[call];
        var media = new MediaOperationId($"play-{n}");
        var context = $"add-{n}";
        into.Add(Roster(call));
        into.Add(MediaStarted(call, media));
        into.Add(MediaEnded(call, media));
        into.Add(Invite(call, new InvitationId(Ids.Guid(call, (short)n)), context));
        into.Add(Accepted(call, context));
    }

    /// <summary><paramref name="cycles"/> cycles spread over the population (<see cref="Target"/>).</summary>
    public CallEvent[] Mix(int cycles)
    {
        var events = new List<CallEvent>(cycles * EventsPerCycle);
        for (var i = 0; i < cycles; i++)
        {
            Cycle(Target(i), events);
        }
        return [.. events];
    }

    /// <summary><paramref name="count"/> roster updates spread over the population (nothing accumulates in the store).</summary>
    public CallEvent[] Rosters(int count)
    {
        var events = new CallEvent[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = Roster(Target(i));
        }
        return events;
    }

    private string NextId() => Ids.Guid(++_nextEventId, 1);

    private DateTimeOffset Tick() => _now = _now.AddMilliseconds(10);
}
