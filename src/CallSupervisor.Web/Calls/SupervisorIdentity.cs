namespace CallSupervisor.Web.Calls;

/// <summary>
/// Who is acting in this circuit, for the audit trail and the activity feed. The dashboard has no sign-in yet,
/// so each browser session gets a short generated name that other supervisors see next to its actions.
/// </summary>
public sealed class SupervisorIdentity
{
    public string Name { get; } = "Supervisor " + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
}
