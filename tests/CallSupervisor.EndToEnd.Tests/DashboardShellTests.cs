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
        await Expect(page.GetByTestId("connection")).ToContainTextAsync("Live");
        await Expect(page.GetByRole(AriaRole.Navigation).Or(page.Locator("[aria-label='Main navigation']"))).ToBeVisibleAsync();

        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task AcknowledgeClick_ChangesServerState_AndAnotherSupervisorSeesIt()
    {
        await using var first = await PageSession.OpenAsync(fixture, "/status");
        await using var second = await PageSession.OpenAsync(fixture, "/status");
        var count = first.Page.GetByTestId("ack-count");
        var before = long.Parse(await count.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        var expected = (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Expect(count).ToHaveTextAsync(expected);
        await Expect(second.Page.GetByTestId("ack-count")).ToHaveTextAsync(expected);
        Assert.Empty(first.ConsoleErrors);
        Assert.Empty(second.ConsoleErrors);
    }

    [Fact]
    public async Task ServerPulse_UpdatesWithoutAnyClick()
    {
        await using var session = await PageSession.OpenAsync(fixture, "/status");
        var time = session.Page.GetByTestId("server-time");
        await Expect(time).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d\d:\d\d:\d\d$"));
        var first = await time.InnerTextAsync();

        // The server ticks every second; the new value must arrive by push alone.
        await Expect(time).Not.ToHaveTextAsync(first, new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task ThemeToggle_SwitchesToDark_AndPersistsAcrossReload()
    {
        await using var session = await PageSession.OpenAsync(fixture);
        var page = session.Page;
        var themeLink = page.Locator("link#radzen-theme-link");
        await Expect(themeLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/material-base\\.css"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();

        await Expect(themeLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/material-dark-base\\.css"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await session.WaitForInteractiveAsync();
        await Expect(themeLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/material-dark-base\\.css"));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task UnknownAddress_ShowsNotFoundPage()
    {
        await using var session = await PageSession.OpenAsync(fixture, "/no-such-page");

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
    }
}
