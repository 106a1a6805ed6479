using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

/// <summary>Time spent in each agent state (by one agent in a day, or by all agents in an interval).</summary>
public sealed record AgentTime
{
    public static AgentTime Zero { get; } = new();

    public TimeSpan Available { get; init; }

    public TimeSpan Offered { get; init; }

    public TimeSpan OnCall { get; init; }

    public TimeSpan WrapUp { get; init; }

    public TimeSpan Away { get; init; }

    public TimeSpan Offline { get; init; }

    public TimeSpan this[AgentState state] => state switch
    {
        AgentState.Available => Available,
        AgentState.Offered => Offered,
        AgentState.OnCall => OnCall,
        AgentState.WrapUp => WrapUp,
        AgentState.Away => Away,
        _ => Offline,
    };

    /// <summary>Signed in: every state but offline.</summary>
    public TimeSpan SignedIn => Available + Offered + OnCall + WrapUp + Away;

    /// <summary>
    /// Occupancy: the share of the time agents could take calls that they spent handling them — (on call + wrap-up) ÷
    /// (available + offered + on call + wrap-up). Away and offline time is in neither. Null with no such time.
    /// </summary>
    public double? Occupancy
    {
        get
        {
            var busy = OnCall + WrapUp;
            var staffed = busy + Available + Offered;
            return staffed > TimeSpan.Zero ? busy / staffed : null;
        }
    }

    public AgentTime Plus(AgentState state, TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return this;
        }
        return state switch
        {
            AgentState.Available => this with { Available = Available + span },
            AgentState.Offered => this with { Offered = Offered + span },
            AgentState.OnCall => this with { OnCall = OnCall + span },
            AgentState.WrapUp => this with { WrapUp = WrapUp + span },
            AgentState.Away => this with { Away = Away + span },
            _ => this with { Offline = Offline + span },
        };
    }

    public AgentTime Plus(AgentTime other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new AgentTime
        {
            Available = Available + other.Available,
            Offered = Offered + other.Offered,
            OnCall = OnCall + other.OnCall,
            WrapUp = WrapUp + other.WrapUp,
            Away = Away + other.Away,
            Offline = Offline + other.Offline,
        };
    }
}

/// <summary>All agents' time by state in one 15-minute interval (÷ 15 minutes: how many agents were in each, on average).</summary>
public sealed record AgentStateTally(DateTimeOffset Start, AgentTime Time);
