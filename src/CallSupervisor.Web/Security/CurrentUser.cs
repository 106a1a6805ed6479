using Microsoft.AspNetCore.Components.Authorization;
using CallSupervisor.Core.Execution;

namespace CallSupervisor.Web.Security;

/// <summary>The signed-in user of this circuit as an <see cref="Actor"/> (scoped: one per browser tab).</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    /// <summary>Null when nobody is signed in (pages need a signed-in user, so only during sign-out).</summary>
    public async Task<Actor?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
        return Actors.From(state.User);
    }
}
