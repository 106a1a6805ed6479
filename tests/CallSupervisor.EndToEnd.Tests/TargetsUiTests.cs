using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// The Targets page in Chromium: an Administrator (Max Manager) changes a queue's own target and saves it; a
/// supervisor's page, open meanwhile, shows the new value without a reload and cannot change it; axe clean in both
/// themes. The change is undone at the end (the app is shared by the collection).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TargetsUiTests(BrowserFixture fixture)
{
    private const string Field = "Support: abandonment limit, percent";

    [Fact]
    public async Task Administrator_ChangesAQueuesTarget_ASupervisorsOpenPageShowsIt()
    {
        await using var supervisor = await PageSession.OpenAsync(fixture, "/targets");
        await supervisor.WaitForInteractiveAsync();
        await Expect(supervisor.Page.GetByTestId("targets-read-only")).ToBeVisibleAsync();
        await Expect(supervisor.Page.GetByLabel(Field)).ToBeDisabledAsync();

        await using var admin = await PageSession.OpenAsync(fixture, "/targets", user: OidcSignIn.Manager);
        await admin.WaitForInteractiveAsync();
        var row = admin.Page.Locator("tr[data-queue='support']");
        await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        await admin.Page.GetByLabel(Field).FillAsync("7");
        await admin.Page.GetByLabel(Field).PressAsync("Tab");
        await admin.Page.GetByTestId("targets-save").ClickAsync();

        await Expect(admin.Page.GetByTestId("targets-status")).ToContainTextAsync("Saved", new() { Timeout = 30_000 });
        await Expect(supervisor.Page.GetByLabel(Field)).ToHaveValueAsync("7", new() { Timeout = 30_000 });
        Assert.Empty(await admin.AccessibilityViolationsAsync());

        // Back to the default row, as it was.
        await row.GetByRole(AriaRole.Checkbox).UncheckAsync();
        await admin.Page.GetByTestId("targets-save").ClickAsync();
        await Expect(supervisor.Page.GetByLabel(Field)).ToHaveValueAsync("5", new() { Timeout = 30_000 });
        Assert.Empty(admin.ConsoleErrors);
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task TargetsPage_AxeClean(string theme)
    {
        await using var session = await PageSession.OpenAsync(fixture, "/targets", width: 1280, height: 900, theme: theme, user: OidcSignIn.Manager);
        await session.WaitForInteractiveAsync();
        await Expect(session.Page.GetByTestId("targets")).ToBeVisibleAsync();

        Assert.Empty(await session.AccessibilityViolationsAsync());
        await session.ScreenshotAsync($"targets-1280-{theme}");
    }
}
