using Microsoft.AspNetCore.Authorization;
using CallSupervisor.Core.Execution;

namespace CallSupervisor.Web.Security;

/// <summary>
/// The authorization policies, by app role. Every page, the hub and the APIs need <see cref="Observe"/> (the fallback
/// policy); acting is decided once, by the action executor, from the same roles; the audit trail needs
/// <see cref="Audit"/>.
/// </summary>
public static class SupervisorPolicies
{
    /// <summary>Signed in with any CallSupervisor role: may see the board.</summary>
    public const string Observe = "Observe";

    /// <summary>May read and export the audit trail (role Auditor).</summary>
    public const string Audit = "Audit";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var observe = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(SupervisorRoles.All).Build();
        options.AddPolicy(Observe, observe);
        options.AddPolicy(Audit, p => p.RequireAuthenticatedUser().RequireRole(SupervisorRoles.Auditor));
        // Anything not marked otherwise (pages, the hubs, the Blazor circuit, the APIs) needs a signed-in user with
        // a role; sign-in pages, static assets, health probes and the service callbacks opt out explicitly.
        options.FallbackPolicy = observe;
    }
}
