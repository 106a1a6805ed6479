namespace CallSupervisor.Web.Hosting;

/// <summary>
/// How failures reach a caller. Machine endpoints (callbacks, hubs, health) always get problem details and are
/// never re-executed into a page: a page route answers POST with 405/400, which made a server error look like
/// "not found" to monitoring. People get the error page (outside Development) and the not-found page.
/// </summary>
internal static class ErrorHandling
{
    private static readonly string[] MachinePaths = ["/api", "/hubs", "/health"];

    public static WebApplication UseCallSupervisorErrorHandling(this WebApplication app)
    {
        app.UseWhen(IsMachineRequest, machine => machine.UseExceptionHandler());
        app.UseWhen(context => !IsMachineRequest(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/error", createScopeForErrors: true);
                pages.UseHsts();
            }
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        return app;
    }

    private static bool IsMachineRequest(HttpContext context) =>
        MachinePaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
