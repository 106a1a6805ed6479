using System.Net;

namespace CallSupervisor.Web.Security;

/// <summary>The device sign-in's refusals as a page a person standing at the screen can read (not a bare status).</summary>
internal static class DevicePages
{
    public static IResult Refused(int status, string reason) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Screen sign-in refused · CallSupervisor</title></head>
        <body style="font-family: system-ui, sans-serif; font-size: 1.5rem; max-width: 48rem; margin: 4rem auto; padding: 0 1rem;">
        <main>
        <h1>This screen could not sign in</h1>
        <p>{WebUtility.HtmlEncode(reason)}</p>
        <p>Ask whoever manages the screen's app registration for a new sign-in address.</p>
        </main>
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
