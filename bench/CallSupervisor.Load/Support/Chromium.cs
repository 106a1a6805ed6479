using System.Net;
using Microsoft.Playwright;
using Cookie = Microsoft.Playwright.Cookie;

namespace CallSupervisor.Load.Support;

/// <summary>
/// Debian's Chromium under Playwright (Playwright cannot download its own browser here); CHROMIUM_PATH overrides the
/// location; its HOME/TMPDIR is a private folder. Adapted from tests/CallSupervisor.EndToEnd.Tests/Infrastructure/Chromium.cs.
/// </summary>
public static class Chromium
{
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string home)
    {
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

    /// <summary>A fresh context (empty cache) carrying <paramref name="session"/>'s cookies for <paramref name="site"/>, if any.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri site, CookieContainer? session)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 820 },
        });
        if (session is not null)
        {
            await context.AddCookiesAsync([.. session.GetCookies(site).Select(c => new Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Domain = site.Host,
                Path = c.Path,
                HttpOnly = c.HttpOnly,
                SameSite = SameSiteAttribute.Lax,
            })]);
        }
        return context;
    }
}
