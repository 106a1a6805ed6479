using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.Identity.Web;
using CallSupervisor.Core.Execution;

namespace CallSupervisor.Web.Security;

/// <summary>
/// The <see cref="Actor"/> a signed-in user or app is: the token's object id (a screen's: its service principal's),
/// display name and app roles.
/// </summary>
public static class Actors
{
    /// <summary>Null for an anonymous principal.</summary>
    public static Actor? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        // The object id is stable across sign-ins and renames (Entra's "oid"); "sub" is per app, a fallback.
        var id = user.GetObjectId() ?? user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        // The display name is the token's "name"; Identity.Name is the username (preferred_username) under Identity.Web.
        // An app (client credentials) has no user name: Entra names it only by an optional claim, else by its client id.
        var name = user.FindFirst("name")?.Value is { Length: > 0 } display ? display
            : user.FindFirst("app_displayname")?.Value is { Length: > 0 } app ? app
            : (user.FindFirst("azp") ?? user.FindFirst("appid"))?.Value is { Length: > 0 } client ? "App " + client
            : user.Identity.Name is { Length: > 0 } username ? username : id;
        // Identity.Web maps the token's "roles" onto ClaimTypes.Role; only the app's own roles count.
        ImmutableArray<string> roles = [.. SupervisorRoles.All.Where(user.IsInRole)];
        return new Actor(id, name, roles);
    }
}
