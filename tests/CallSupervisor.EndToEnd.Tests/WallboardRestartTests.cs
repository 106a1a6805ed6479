using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// A wallboard left on while the server restarts (a deploy, a crash): nobody is there to click, so once the server is
/// back the page reloads by itself and is live again — a fresh page, its clock ticking.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallboardRestartTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-wallboard-" + Guid.NewGuid().ToString("N"));

    private static readonly Dictionary<string, string> Settings = new() { ["Emulator:Simulation:Enabled"] = "false" };

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Wallboard_ServerRestarts_ReloadsByItselfAndIsLiveAgain()
    {
        var port = ServerProcesses.FreePort();
        var first = await AppProcess.StartAsync(_home, Settings, port: port);
        AppProcess? second = null;
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = first.BaseAddress.ToString(), ViewportSize = new() { Width = 1920, Height = 1080 } });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/wallboard");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + OidcSignIn.Supervisor) }).ClickAsync();
            await Expect(page.Locator("#app-shell[data-interactive='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator(".cs-wb")).ToBeVisibleAsync();
            // Marks this page: a reload clears it.
            await page.EvaluateAsync("() => { window.beforeRestart = true; }");

            await first.DisposeAsync();
            await Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 15_000 });

            second = await AppProcess.StartAsync(_home, Settings, port: port);

            await page.WaitForFunctionAsync("() => window.beforeRestart === undefined", null, new() { Timeout = 60_000 });
            await Expect(page.Locator("#app-shell[data-interactive='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator(".cs-wb")).ToBeVisibleAsync();
            await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
            // Live: the clock ticks on the new circuit.
            var clock = page.GetByTestId("wb-clock");
            var shown = await clock.InnerTextAsync();
            await Expect(clock).Not.ToHaveTextAsync(shown, new() { Timeout = 15_000 });
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        return Task.CompletedTask;
    }
}
