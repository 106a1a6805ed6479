namespace CallSupervisor.Core.Pulse;

/// <summary>Server heartbeat shown on the dashboard: proves that server-initiated updates reach the browser.</summary>
public sealed record PulseState(DateTimeOffset ServerTime, long Acknowledgements)
{
    public static PulseState Empty { get; } = new(DateTimeOffset.MinValue, 0);
}

/// <summary>What changed in the pulse.</summary>
public enum PulseChange
{
    Ticked,
    Acknowledged,
}
