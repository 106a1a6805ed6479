using System.Text;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Http;

/// <summary>
/// An HTML page of the sign-in provider. Never cached (pages carry codes and state), never framed (a framed
/// sign-in page invites clickjacking), scripts only where <paramref name="ScriptHash"/> allows one.
/// </summary>
internal sealed record HtmlResult(int StatusCode, string Html, string? ScriptHash = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var body = Encoding.UTF8.GetBytes(Html);
        response.StatusCode = StatusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = body.Length;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        // Other sites learn the provider's origin only. Not no-referrer: under it a browser posts with "Origin: null",
        // even from the provider's own page (which the sign-in form's origin check would refuse) and to the app.
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        // No form-action: Chromium applies it to the redirect after a form post, which would block the way back to the app.
        var script = ScriptHash is null ? "" : $" script-src '{ScriptHash}';";
        response.Headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'unsafe-inline';{script} frame-ancestors 'none'";
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
