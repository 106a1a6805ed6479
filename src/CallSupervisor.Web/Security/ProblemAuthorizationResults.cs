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
            // A program that brought a token cannot "sign in": tell it what is wrong with the token instead.
            var bearer = AppTokenSetup.Select(context, "") == Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme;
            await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = context.Response.StatusCode,
                    Title = signedOut ? "Sign-in required" : "Forbidden",
                    Detail = signedOut
                        ? bearer ? "The access token is not valid here: expired, for another app, or not signed by the tenant." : "Sign in first: this needs a signed-in user."
                        : bearer ? "The app's roles do not allow this (a screen needs the Wallboard or Observer app role)." : "Your roles do not allow this.",
                },
            }).ConfigureAwait(false);
        }
    }
}
