using System.Net;
using Microsoft.Playwright;
using Cookie = Microsoft.Playwright.Cookie;

namespace CallSupervisor.Testing;

/// <summary>
/// Debian's Chromium under Playwright (Playwright cannot download its own browser here); CHROMIUM_PATH overrides
/// the location. Its caches go to <c>home</c>, a private folder, never the user's HOME. Shared by the end-to-end
/// tests and the load harness (linked into both from tests/Shared).
/// </summary>
internal static class Chromium
{
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string home)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}. Install it (apt-get install chromium) or set CHROMIUM_PATH.");
        }
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Args,
            Env = new Dictionary<string, string> { ["HOME"] = home, ["TMPDIR"] = home },
        });
    }

    /// <summary>
    /// A fresh, isolated context on <paramref name="app"/> (its own cookies), carrying <paramref name="session"/>'s
    /// cookies when given; <paramref name="theme"/> ("light" / "dark") is set as the remembered choice.
    /// </summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri app, CookieContainer? session, int width = 1366, int height = 820, string? theme = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(app);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        if (theme is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = "CallSupervisorTheme", Value = theme, Domain = app.Host, Path = "/" }]);
        }
        if (session is not null)
        {
            await context.AddCookiesAsync([.. session.GetCookies(app).Select(c => new Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Domain = app.Host,
                Path = c.Path,
                HttpOnly = c.HttpOnly,
                SameSite = SameSiteAttribute.Lax,
            })]);
        }
        return context;
    }
}
