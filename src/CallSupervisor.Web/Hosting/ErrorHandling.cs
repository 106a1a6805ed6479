using Microsoft.AspNetCore.Diagnostics;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// How failures reach a caller. Machine endpoints (callbacks, hubs, health) always get problem details and are
/// never re-executed into a page: a page route answers POST with 405/400, which made a server error look like
/// "not found" to monitoring. People get the error page (outside Development) and the not-found page.
/// </summary>
internal static class ErrorHandling
{

    public static WebApplication UseCallSupervisorErrorHandling(this WebApplication app)
    {
        // Re-executing a request into a page only works in the main pipeline (it re-runs routing there), so the
        // page handlers sit in it and machine requests opt out: their exceptions are turned into problem details
        // by an inner handler, and their status codes are left alone.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                StatusCodeSelector = StatusCodeOf,
            });
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(IsMachineRequest, machine =>
        {
            machine.Use((context, next) =>
            {
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }
                return next(context);
            });
            machine.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusCodeOf });
        });
        return app;
    }

    private static bool IsMachineRequest(HttpContext context) => MachineRequests.Is(context.Request);

    /// <summary>
    /// A request Kestrel could not read (a body arriving too slowly: 408; bad framing: 400) is the sender's fault, and
    /// keeps Kestrel's status wherever it surfaces — a form read by sign-in or sign-out, a future API. Anything else is
    /// a server error.
    /// </summary>
    internal static int StatusCodeOf(Exception exception) =>
        exception is BadHttpRequestException { StatusCode: >= 400 and < 500 } bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
}
