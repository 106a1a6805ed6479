using System.Collections.Immutable;

namespace CallSupervisor.Core.Execution;

/// <summary>The app roles a signed-in user can hold (Entra ID app roles, the token's <c>roles</c> claim).</summary>
public static class SupervisorRoles
{
    /// <summary>Sees every call; cannot act.</summary>
    public const string Observer = "Observer";

    /// <summary>Sees every call and may mute, cancel invitations and cancel media.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>May read and export the audit trail.</summary>
    public const string Auditor = "Auditor";

    /// <summary>
    /// An agent of the contact center: may read and set their own state through the agent API (what an agent desktop
    /// or a Teams app calls), and nothing else — not the board, which is for the roles of <see cref="All"/>.
    /// </summary>
    public const string Agent = "Agent";

    /// <summary>
    /// Sets the targets and thresholds everyone is measured against (service level, waits, alerts). Not the
    /// supervisors': those who are judged by a target do not move it; a centre gives this role to its managers.
    /// </summary>
    public const string Administrator = "Administrator";

    /// <summary>
    /// An unattended screen or script signed in with an app-only token (client credentials): sees the board as an
    /// observer does, and acts on nothing.
    /// </summary>
    public const string Wallboard = "Wallboard";

    /// <summary>The roles that see the board, in the order they are shown (<see cref="Agent"/> is not one of them).</summary>
    public static ImmutableArray<string> All { get; } = [Supervisor, Observer, Auditor, Administrator, Wallboard];
}

/// <summary>
/// Who asks for an action: the signed-in user's stable id (the token's object id), display name and app roles.
/// Carried by every <see cref="ActionRequest"/> so the one executor decides, and the audit trail records, who did
/// what with which right.
/// </summary>
public sealed record Actor(string Id, string Name, ImmutableArray<string> Roles)
{
    /// <summary>May run supervisor actions.</summary>
    public bool CanAct => Roles.Contains(SupervisorRoles.Supervisor, StringComparer.Ordinal);

    /// <summary>May read and export the audit trail.</summary>
    public bool CanAudit => Roles.Contains(SupervisorRoles.Auditor, StringComparer.Ordinal);

    /// <summary>May change the targets and thresholds.</summary>
    public bool CanAdminister => Roles.Contains(SupervisorRoles.Administrator, StringComparer.Ordinal);

    /// <summary>May see the board (every role does).</summary>
    public bool CanObserve => CanAct || CanAudit || CanAdminister || Roles.Contains(SupervisorRoles.Observer, StringComparer.Ordinal)
        || Roles.Contains(SupervisorRoles.Wallboard, StringComparer.Ordinal);

    /// <summary>Why this actor may not run actions (null when it may): one wording for the buttons and the hub.</summary>
    public string? WhyNotAct => CanAct ? null : $"Your role ({Role}) may watch calls but not act on them";

    /// <summary>The role recorded with an action: the one that allowed it, else the strongest held.</summary>
    public string Role => CanAct ? SupervisorRoles.Supervisor
        : Roles.Contains(SupervisorRoles.Observer, StringComparer.Ordinal) ? SupervisorRoles.Observer
        : CanAudit ? SupervisorRoles.Auditor
        : CanAdminister ? SupervisorRoles.Administrator
        : Roles.Contains(SupervisorRoles.Wallboard, StringComparer.Ordinal) ? SupervisorRoles.Wallboard
        : "none";
}
