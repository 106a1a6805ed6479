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

    public static async Task<PageSession> OpenAsync(BrowserFixture fixture, string path = "/")
    {
        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page);
        await page.GotoAsync(path);
        await session.WaitForInteractiveAsync();
        return session;
    }

    /// <summary>Prerendered buttons do nothing until the circuit is up: wait for the layout's marker.</summary>
    public Task WaitForInteractiveAsync() =>
        Assertions.Expect(Page.Locator("#app-shell[data-interactive='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });

    public async Task ScreenshotAsync(string name)
    {
        // When the circuit starts, the interactive theme component re-inserts its stylesheet link: wait until the
        // sheet is applied and fonts are ready, so the picture shows what a person sees.
        await Page.WaitForFunctionAsync("""
            () => {
                const link = document.getElementById('radzen-theme-link');
                try { return !!link && !!link.sheet && link.sheet.cssRules.length > 0; } catch { return false; }
            }
            """);
        await Page.EvaluateAsync("() => document.fonts.ready");
        Directory.CreateDirectory(RepositoryPaths.ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
