using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardShellTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Open_PageBecomesInteractive_WithShellAndNoConsoleErrors()
    {
        await using var session = await PageSession.OpenAsync(fixture);
        var page = session.Page;

        await Expect(page).ToHaveTitleAsync("Live calls · CallSupervisor");
        await Expect(page.GetByText("CallSupervisor", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live calls" })).ToBeVisibleAsync();
        await Expect(session.Connection("live")).ToBeVisibleAsync();
        await Expect(session.Connection("reconnecting")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Navigation menu" })).ToBeVisibleAsync();
        // The live page has its own summary; the header's totals are for the other pages.
        await Expect(page.GetByLabel("Summary")).ToContainTextAsync("Waiting for an agent");
        await Expect(page.GetByLabel("Totals")).ToBeHiddenAsync();
        await page.GotoAsync("/invitations");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByLabel("Totals")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Totals")).ToContainTextAsync("Waiting for an agent");

        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Operations_ShowsAcsCallbacksAndConnectedSupervisors()
    {
        await fixture.App.CreateCallAsync(LiveCallsUiTests.AcsCall("+14255550501"));
        await using var session = await PageSession.OpenAsync(fixture, "/operations");
        var page = session.Page;

        await Expect(page.GetByTestId("ops-acs")).ToContainTextAsync("Reachable");
        await Expect(page.GetByTestId("ops-last-callback")).ToContainTextAsync("ago");
        await Expect(page.GetByTestId("ops-circuits")).Not.ToHaveTextAsync("0");
        await Expect(page.GetByTestId("ops-queue")).ToContainTextAsync("of 10000");
        // From the instruments: the call's callbacks were appended and applied, its ACS requests counted.
        await Expect(page.GetByTestId("ops-time-append")).Not.ToContainTextAsync("—");
        await Expect(page.GetByTestId("ops-time-apply")).Not.ToContainTextAsync("—");
        await Expect(page.GetByTestId("ops-acs-requests")).Not.ToHaveTextAsync("0, 0 failed");
    }

    [Fact]
    public async Task Operations_Screenshots_WideAndPhoneInBothThemes()
    {
        await fixture.App.CreateCallAsync(LiveCallsUiTests.AcsCall("+14255550502"));
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            foreach (var theme in new[] { "light", "dark" })
            {
                await using var session = await PageSession.OpenAsync(fixture, "/operations", width, height, theme);
                await Expect(session.Page.GetByTestId("ops-time-apply")).Not.ToContainTextAsync("—");
                var violations = await session.AccessibilityViolationsAsync();
                Assert.True(violations.Count == 0, string.Join("\n", violations));
                await session.ScreenshotAsync($"operations-{width}-{theme}");
                Assert.Empty(session.ConsoleErrors);
            }
        }
    }

    [Fact]
    public async Task ThemeMenu_Dark_AppliesAtOnceAndOnTheFirstPaintOfTheNextLoad()
    {
        await using var session = await PageSession.OpenAsync(fixture, theme: "light");
        var page = session.Page;
        var background = () => page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var light = await background();

        await page.GetByRole(AriaRole.Button, new() { Name = "Theme: Light" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitemradio, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Dark") }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        // The attribute and the theme's colours come in separate steps (the theme provider's styles follow in a
        // render of their own): wait for the colour, do not read it once.
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", light);
        var dark = await background();

        // The server reads the choice from the cookie: the static first paint is already dark (no flash).
        // (The request carries this browser's cookies: the session and the theme the menu just saved.)
        var response = await page.APIRequest.GetAsync(fixture.BaseAddress.ToString());
        Assert.Contains("data-theme=\"dark\"", await response.TextAsync(), StringComparison.Ordinal);
        await page.ReloadAsync();
        await session.WaitForInteractiveAsync();
        Assert.Equal(dark, await background());
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task UnknownAddress_ShowsNotFoundPage()
    {
        var context = await fixture.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
    }
}
