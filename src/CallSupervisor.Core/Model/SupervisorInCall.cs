namespace CallSupervisor.Core.Model;

/// <summary>How a supervisor is in a call: listening (muted, or asked to keep their own device muted) or joined (speaking).</summary>
public enum MonitorMode
{
    Listening,
    Joined,
}

/// <summary>
/// A supervisor a supervisor action brought into the call (listen in, join), by their endpoint's raw id.
/// <see cref="InCall"/>: seen in the roster (the entry goes when they leave it). <see cref="MutedOnce"/>: the roster
/// showed them muted once — a listener unmuted after that unmuted their own device, and is speaking.
/// </summary>
public sealed record SupervisorInCall(string Supervisor, MonitorMode Mode, DateTimeOffset Since)
{
    public bool InCall { get; init; }

    public bool MutedOnce { get; init; }
}
