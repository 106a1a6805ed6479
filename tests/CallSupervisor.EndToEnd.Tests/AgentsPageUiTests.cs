using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// The Agents page on the app and its emulator, with the development directory (8 agents in Sales and Support, signed
/// in by the router): every agent listed, states that follow a caller through the queue to an agent, axe clean in both
/// themes, a phone at 390 px; and the pictures of it and of the board with its Agent column.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentsPageUiTests(BrowserFixture fixture)
{
    private static readonly string[] DevelopmentAgents = ["ana", "ben", "cho", "dana", "eli", "fay", "gus", "hana"];

    /// <summary>The agents every end-to-end app has beside the development ones (see <c>AppProcess</c>).</summary>
    private const int AppProcessTestAgents = 40;

    /// <summary>A contact-center caller: presses 1 (Sales), the agent offered the call answers after a second, they talk for 10 minutes.</summary>
    private static object SalesCaller(string number, string name) => new
    {
        platform = "acs",
        caller = new { kind = "phoneNumber", value = number, name },
        menuChoice = "1",
        invitationBehavior = "acceptAfter",
        acceptAfterSeconds = 1,
        handleTimeSeconds = 600,
        patienceSeconds = 600,
    };

    private static ILocator Table(IPage page) => page.Locator("table:has(caption:text('Agents'))");

    [Fact]
    public async Task Agents_EveryAgentListedAndStatesFollowACallerLive()
    {
        await using var session = await PageSession.OpenAsync(fixture, "/agents");
        var page = session.Page;
        await session.WaitForInteractiveAsync();
        var rows = Table(page).Locator("tr[data-agent-id]");
        // The development directory's agents first, in its order; the end-to-end app adds test agents after them.
        await Expect(rows).ToHaveCountAsync(DevelopmentAgents.Length + AppProcessTestAgents, new() { Timeout = 30_000 });
        Assert.Equal(DevelopmentAgents, (await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.agentId)")).Take(DevelopmentAgents.Length));
        // The router signs the directory's agents in: none stays Offline.
        await Expect(Table(page).Locator("tr[data-state='Offline']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        var callId = await fixture.App.CreateCallAsync(SalesCaller("+14255550801", "Nora Queue"));

        // Without a reload: the agent the call went to is on it, linked to it, and the counts say so.
        var agentRow = Table(page).Locator($"tr:has(a[href='/?call={Uri.EscapeDataString(callId)}'])");
        await Expect(agentRow).ToHaveAttributeAsync("data-state", "OnCall", new() { Timeout = 30_000 });
        await Expect(agentRow).ToContainTextAsync("On call");
        await Expect(agentRow).ToContainTextAsync("Nora Queue");
        Assert.True(int.Parse(await page.GetByTestId("agents-OnCall").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var agentName = await agentRow.Locator("th").InnerTextAsync();

        // The board names the same agent in the call's Agent column.
        await using var board = await PageSession.OpenAsync(fixture, "/");
        var cell = board.Page.Locator($"a[data-call-id='{callId}']").Locator("xpath=ancestor::tr").GetByTestId("agent-cell");
        await Expect(cell).ToHaveTextAsync(agentName, new() { Timeout = 30_000 });

        await fixture.App.EndCallAsync(callId);

        await Expect(agentRow).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        Assert.Empty(session.ConsoleErrors);
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Agents_AxeClean_PhoneLayout_AndScreenshots(string theme)
    {
        await fixture.App.CreateCallAsync(SalesCaller("+14255550802", "Omar Onhold"));
        foreach (var (width, height) in new[] { (1280, 720), (390, 844) })
        {
            await using var session = await PageSession.OpenAsync(fixture, "/agents", width, height, theme);
            var page = session.Page;
            await session.WaitForInteractiveAsync();
            var list = width < 760 ? page.Locator("ul[aria-label='Agents'] li[data-agent-id]") : Table(page).Locator("tr[data-agent-id]");
            await Expect(list).ToHaveCountAsync(DevelopmentAgents.Length + AppProcessTestAgents, new() { Timeout = 30_000 });
            await Expect(page.Locator("li[data-queue-id='sales']")).ToBeVisibleAsync();
            if (width < 760)
            {
                // One column: nothing runs off the side of a phone.
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the Agents page scrolls sideways at 390 px");
            }
            var violations = await session.AccessibilityViolationsAsync();
            Assert.True(violations.Count == 0, string.Join("\n", violations));
            await session.ScreenshotAsync($"agents-{width}-{theme}");
            Assert.Empty(session.ConsoleErrors);
        }
    }

    [Fact]
    public async Task Board_MoreCallersThanAgents_OffersAndQueuePlacesInTheAgentColumnAndTheSummary()
    {
        // Sales has four agents: six callers who press 1, with agents who let offers ring, leave two in the queue.
        await fixture.App.EndEveryCallAsync();
        var callers = new List<string>();
        foreach (var (number, name) in new[]
        {
            ("+14255550811", "Lena Fischer"), ("+14255550812", "Marco Rossi"), ("+442071838750", "Priya Shah"),
            ("+14255550814", "Sam Okoro"), ("+14255550815", "Ines Duarte"), ("+14255550816", "Tomás Vega"),
        })
        {
            callers.Add(await fixture.App.CreateCallAsync(new
            {
                platform = "acs",
                caller = new { kind = "phoneNumber", value = number, name },
                menuChoice = "1",
                invitationBehavior = "ringForever",
                patienceSeconds = 600,
            }));
        }
        try
        {
            foreach (var theme in new[] { "light", "dark" })
            {
                foreach (var (width, height) in new[] { (1280, 720), (390, 844) })
                {
                    await using var session = await PageSession.OpenAsync(fixture, "/", width, height, theme);
                    var page = session.Page;
                    var scope = page.Locator(width < 760 ? ".cs-cards" : ".cs-grid");
                    await Expect(scope.GetByText(new System.Text.RegularExpressions.Regex("^Offered to .+ \\(ringing \\d+:\\d\\d\\)$")).First)
                        .ToBeVisibleAsync(new() { Timeout = 30_000 });
                    await Expect(scope.GetByText(new System.Text.RegularExpressions.Regex("^Waiting in Sales \\d+:\\d\\d · #2$")).First)
                        .ToBeVisibleAsync(new() { Timeout = 30_000 });
                    await Expect(page.GetByTestId("summary-waiting")).ToHaveTextAsync("6");
                    await Expect(page.GetByTestId("summary-waiting-queues")).ToHaveTextAsync("Sales 6");
                    var violations = await session.AccessibilityViolationsAsync();
                    Assert.True(violations.Count == 0, string.Join("\n", violations));
                    await session.ScreenshotAsync($"live-calls-queues-{width}-{theme}");
                    Assert.Empty(session.ConsoleErrors);
                }
            }
        }
        finally
        {
            foreach (var callId in callers)
            {
                await fixture.App.EndCallAsync(callId);
            }
        }
    }
}
