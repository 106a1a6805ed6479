namespace CallSupervisor.Core.Actions;

/// <summary>Whether a supervisor action is possible now, and if not, the reason to show next to the disabled button.</summary>
public sealed record Availability(bool Allowed, string? Reason)
{
    public static Availability Ok { get; } = new(true, null);

    public static Availability Refused(string reason) => new(false, reason);
}
