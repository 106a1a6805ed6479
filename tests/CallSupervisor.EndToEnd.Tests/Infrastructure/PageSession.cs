using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A browser context + page that records console errors and uncaught page errors, so tests can assert the
/// browser console stayed clean.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    private PageSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add(error);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<PageSession> OpenAsync(BrowserFixture fixture, string path = "/", int width = 1366, int height = 820, string? theme = null, string? user = OidcSignIn.Supervisor)
    {
        var context = await fixture.NewContextAsync(width, height, theme, user);
        return await OpenAsync(context, path);
    }

    /// <summary>Opens <paramref name="path"/> in a new page of <paramref name="context"/> and waits until it is interactive.</summary>
    public static async Task<PageSession> OpenAsync(IBrowserContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page);
        await page.GotoAsync(path);
        await session.WaitForInteractiveAsync();
        return session;
    }

    /// <summary>
    /// Opens <paramref name="path"/> in a fresh anonymous browser, which the app sends to sign-in, and signs in as
    /// <paramref name="user"/> on the emulator's provider page, as a person would: the real code flow in Chromium.
    /// <paramref name="initScript"/> (optional) runs in every document before its own scripts, e.g. to watch each frame.
    /// </summary>
    public static async Task<PageSession> SignInThroughBrowserAsync(BrowserFixture fixture, string user, string path = "/", int width = 1366, int height = 820, string? initScript = null)
    {
        var context = await fixture.NewContextAsync(width, height, theme: null, user: null);
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page);
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CallSupervisor (development)" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(user)) }).ClickAsync();
        await session.WaitForInteractiveAsync();
        return session;
    }

    /// <summary>
    /// The header's connection indicator in one state ("live", "connecting", "reconnecting"): all three are in the
    /// DOM and CSS shows one, so tests check visibility, never text.
    /// </summary>
    public ILocator Connection(string state) => Page.GetByTestId("connection").Locator(".cs-connection-" + state);

    /// <summary>Prerendered buttons do nothing until the circuit is up: wait for the layout's marker.</summary>
    public Task WaitForInteractiveAsync() =>
        Assertions.Expect(Page.Locator("#app-shell[data-interactive='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });

    /// <summary>A picture of what a person sees now (the viewport), once fonts are ready.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await Page.EvaluateAsync("() => document.fonts.ready");
        Directory.CreateDirectory(RepositoryPaths.ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.ScreenshotDirectory, name + ".png") });
    }

    /// <summary>The serious and critical accessibility violations axe-core finds on the page as it is now.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe();
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")];
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
