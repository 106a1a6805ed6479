using Microsoft.AspNetCore.Authorization;
using CallSupervisor.Core.Execution;

namespace CallSupervisor.Web.Security;

/// <summary>
/// The authorization policies, by app role. Every page, the hub and the APIs need <see cref="Observe"/> (the fallback
/// policy); acting is decided once, by the action executor, from the same roles; the audit trail needs
/// <see cref="Audit"/>; the agent API <see cref="AgentApi"/>. A user with only the Agent role sees no page and no hub.
/// </summary>
public static class SupervisorPolicies
{
    /// <summary>Signed in with any CallSupervisor role: may see the board.</summary>
    public const string Observe = "Observe";

    /// <summary>May read and export the audit trail (role Auditor).</summary>
    public const string Audit = "Audit";

    /// <summary>
    /// May use the agent API (<c>/api/agents</c>): an agent (role Agent) for themselves, the board's roles for every
    /// agent. The endpoints decide per agent.
    /// </summary>
    public const string AgentApi = "AgentApi";

    /// <summary>May download the reports (call records, interval figures): roles Supervisor, Administrator and Auditor.</summary>
    public const string Reports = "Reports";

    /// <summary>May change targets and thresholds (role Administrator).</summary>
    public const string Administer = "Administer";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var observe = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(SupervisorRoles.All).Build();
        options.AddPolicy(Observe, observe);
        options.AddPolicy(Audit, p => p.RequireAuthenticatedUser().RequireRole(SupervisorRoles.Auditor));
        // The records carry callers' numbers and agents' performance: for those who run or answer for the centre, not
        // for an observer or a wallboard.
        options.AddPolicy(Reports, p => p.RequireAuthenticatedUser().RequireRole(SupervisorRoles.Supervisor, SupervisorRoles.Administrator, SupervisorRoles.Auditor));
        options.AddPolicy(Administer, p => p.RequireAuthenticatedUser().RequireRole(SupervisorRoles.Administrator));
        options.AddPolicy(AgentApi, p => p.RequireAuthenticatedUser().RequireRole([.. SupervisorRoles.All, SupervisorRoles.Agent]));
        // Anything not marked otherwise (pages, the hubs, the Blazor circuit, the APIs) needs a signed-in user with
        // a role; sign-in pages, static assets, health probes and the service callbacks opt out explicitly.
        options.FallbackPolicy = observe;
    }
}
