using System.Net;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests.ScaleOut;

/// <summary>
/// A supervisor's browser pinned to one instance (its own Chromium, private HOME): signed in there through the
/// real code flow, the live calls page open and interactive.
/// </summary>
internal sealed class InstanceBrowser : IAsyncDisposable
{
    private readonly string _home;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private InstanceBrowser(string home, IPlaywright playwright, IBrowser browser, PageSession session, CookieContainer cookies)
    {
        _home = home;
        _playwright = playwright;
        _browser = browser;
        Session = session;
        Cookies = cookies;
    }

    public PageSession Session { get; }

    /// <summary>The session cookie, for HTTP requests as the same user.</summary>
    public CookieContainer Cookies { get; }

    public static async Task<InstanceBrowser> OpenAsync(Uri app, string user)
    {
        var home = Path.Combine(Path.GetTempPath(), "callsupervisor-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        var cookies = await OidcSignIn.SignInAsync(app, user);
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright, home);
        var context = await Chromium.NewContextAsync(browser, app, cookies);
        return new InstanceBrowser(home, playwright, browser, await PageSession.OpenAsync(context, "/"), cookies);
    }

    /// <summary>Selects the call on the live calls page and returns its detail panel.</summary>
    public async Task<ILocator> OpenCallAsync(string callId)
    {
        await Session.Page.GotoAsync("/?call=" + Uri.EscapeDataString(callId));
        await Session.WaitForInteractiveAsync();
        var detail = Session.Page.GetByRole(AriaRole.Region, new() { Name = "Call detail" });
        await Expect(detail).ToBeVisibleAsync();
        return detail;
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a browser helper may still hold a file for a moment.
        }
    }
}
