using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CallSupervisor.Web.Security;

/// <summary>
/// Authorization's 401 and 403 for programs (the APIs, hubs, audit export) as problem details, like every other
/// error they get: the sign-in handlers answer them with a bare status code (never a redirect), which says nothing
/// about what was missing. Pages keep the sign-in redirect and the No access page.
/// </summary>
internal sealed class ProblemAuthorizationResults(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        if ((authorizeResult.Challenged || authorizeResult.Forbidden) && Hosting.MachineRequests.Is(context.Request)
            && !context.Response.HasStarted && context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            var signedOut = context.Response.StatusCode == StatusCodes.Status401Unauthorized;
            await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = context.Response.StatusCode,
                    Title = signedOut ? "Sign-in required" : "Forbidden",
                    Detail = signedOut ? "Sign in first: this needs a signed-in user." : "Your roles do not allow this.",
                },
            }).ConfigureAwait(false);
        }
    }
}
