using CallSupervisor.Emulator.State;

namespace CallSupervisor.Emulator.Engine;

/// <summary>
/// The simulated agents' devices and the contact center's counters. An agent's device rings for one offer at a time
/// and holds one call: an offer while it rings or is on a call is a double offer (the app double-booked the agent).
/// Called under the ACS engine's lock; its own lock only lets the admin API read it from another thread.
/// </summary>
internal sealed class AgentDesk
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Seat> _seats;
    private readonly bool _enabled;
    private long _arrivals;
    private long _turnedAway;
    private long _offers;
    private long _doubleOffers;
    private long _declined;
    private long _notAnswered;
    private long _answered;
    private long _abandoned;
    private long _handled;

    public AgentDesk(SimulationOptions options)
    {
        _enabled = options.SimulateAgents;
        _seats = options.EffectiveAgents
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Seat(g.Key, g.First().Name), StringComparer.Ordinal);
    }

    /// <summary>True for a simulated agent's raw id (when agents are simulated).</summary>
    public bool IsAgent(string? rawId) => _enabled && rawId is not null && _seats.ContainsKey(rawId);

    /// <summary>
    /// An offer to an agent: true when the device starts ringing; false when it is busy (ringing or on a call), which
    /// is counted as a double offer.
    /// </summary>
    public bool TryRing(string? rawId, string callId, string invitationId)
    {
        lock (_gate)
        {
            if (!IsAgent(rawId))
            {
                return true;
            }
            var seat = _seats[rawId!];
            _offers++;
            if (seat.Activity != AgentActivity.Idle)
            {
                _doubleOffers++;
                return false;
            }
            (seat.Activity, seat.CallId, seat.InvitationId) = (AgentActivity.Ringing, callId, invitationId);
            return true;
        }
    }

    /// <summary>The ringing offer was accepted: the agent is on the call until it ends or the agent is removed.</summary>
    public void Connected(string? rawId, string invitationId)
    {
        lock (_gate)
        {
            if (_seats.TryGetValue(rawId ?? string.Empty, out var seat) && seat.InvitationId == invitationId)
            {
                seat.Activity = AgentActivity.OnCall;
            }
        }
    }

    /// <summary>The ringing offer ended without a connection (declined, not answered, canceled): the device is free.</summary>
    public void OfferEnded(string? rawId, string invitationId, InvitationStatus status)
    {
        lock (_gate)
        {
            if (!_seats.TryGetValue(rawId ?? string.Empty, out var seat) || seat.InvitationId != invitationId || seat.Activity != AgentActivity.Ringing)
            {
                return;
            }
            Free(seat);
            if (status == InvitationStatus.Declined)
            {
                _declined++;
            }
            else if (status == InvitationStatus.TimedOut)
            {
                _notAnswered++;
            }
        }
    }

    /// <summary>The agent left the call (removed by the app).</summary>
    public void Left(string? rawId, string callId)
    {
        lock (_gate)
        {
            if (_seats.TryGetValue(rawId ?? string.Empty, out var seat) && seat.CallId == callId)
            {
                Free(seat);
            }
        }
    }

    /// <summary>The call ended: its agents leave with it (ringing offers stop, as after a real hang-up).</summary>
    public void CallEnded(string callId)
    {
        lock (_gate)
        {
            foreach (var seat in _seats.Values.Where(s => s.CallId == callId))
            {
                Free(seat);
            }
        }
    }

    public void CountArrival() => Interlocked.Increment(ref _arrivals);

    public void CountTurnedAway() => Interlocked.Increment(ref _turnedAway);

    public void CountAnswered() => Interlocked.Increment(ref _answered);

    public void CountAbandoned() => Interlocked.Increment(ref _abandoned);

    public void CountHandled() => Interlocked.Increment(ref _handled);

    public ContactCenterStats Stats()
    {
        lock (_gate)
        {
            return new ContactCenterStats(
                Interlocked.Read(ref _arrivals), Interlocked.Read(ref _turnedAway), Interlocked.Read(ref _answered),
                Interlocked.Read(ref _abandoned), Interlocked.Read(ref _handled), _offers, _doubleOffers, _declined, _notAnswered,
                [.. _seats.Values.Select(s => new AgentSnapshot(s.Id, s.Name, AcsCallEngine.Name(s.Activity), s.CallId))]);
        }
    }

    private static void Free(Seat seat) => (seat.Activity, seat.CallId, seat.InvitationId) = (AgentActivity.Idle, null, null);

    private sealed class Seat(string id, string name)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public AgentActivity Activity { get; set; }

        public string? CallId { get; set; }

        public string? InvitationId { get; set; }
    }
}

internal enum AgentActivity
{
    Idle,
    Ringing,
    OnCall,
}

/// <summary>
/// <c>GET /emulator/stats</c>: arrivals (ACS calls started), turned away at the concurrent-call cap, answered (an agent
/// connected), abandoned (the caller hung up before an agent connected), handled (the caller hung up after the talk),
/// offers to simulated agents, double offers (an offer to an agent already ringing or on a call), declined and not
/// answered offers, and each agent's device.
/// </summary>
internal sealed record ContactCenterStats(
    long Arrivals, long TurnedAway, long Answered, long Abandoned, long Handled, long Offers, long DoubleOffers, long Declined,
    long NotAnswered, IReadOnlyList<AgentSnapshot> Agents);

/// <summary>An agent's device: idle, ringing or onCall, and the call it rings for or is on.</summary>
internal sealed record AgentSnapshot(string Id, string Name, string State, string? CallId);
