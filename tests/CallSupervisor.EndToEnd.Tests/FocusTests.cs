using System.Text.RegularExpressions;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static CallSupervisor.EndToEnd.Tests.LiveCallsUiTests;
using static CallSupervisor.EndToEnd.Tests.SupervisorExperienceTests;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// Keyboard focus a person can see and keep: every control reached with Tab shows a ring of at least 3:1 against
/// what surrounds it in both themes, and a focused call link that moves or ends keeps the focus in the list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FocusTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Tab_EveryKindOfControl_FocusRingSeenAtThreeToOne(string theme)
    {
        await fixture.App.EndEveryCallAsync();
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550701", "Fiona Focus"));
        var (session, detail) = await OpenCallAsync(fixture, callId, theme: theme);
        await using var _ = session;
        var page = session.Page;
        await Expect(InvitationRows(detail).First).ToContainTextAsync("Ringing", new() { Timeout = 30_000 });

        var targets = new (string Name, ILocator Target)[]
        {
            ("header menu button", page.GetByRole(AriaRole.Button, new() { Name = "Navigation menu" })),
            ("search field", page.Locator("#search-calls")),
            ("select", page.Locator(".cs-toolbar .mud-select").First),
            ("checkbox", page.GetByRole(AriaRole.Checkbox, new() { Name = "Pending invites" })),
            ("call link", page.Locator($"a[data-call-id='{callId}']")),
            ("close button", detail.GetByRole(AriaRole.Button, new() { Name = "Close call detail" })),
            ("action button", ParticipantRow(detail, "CommunicationUser").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") })),
        };
        var failures = new List<string>();
        foreach (var (name, target) in targets)
        {
            Assert.True(await TabIntoAsync(page, target), $"{name} was not reachable with Tab");
            var ring = await FocusRing.OfFocusedAsync(page);
            Assert.NotNull(ring);
            if (!ring.IsVisible)
            {
                failures.Add($"{name} ({theme}): {ring}");
            }
            if (name == "call link")
            {
                await session.ScreenshotAsync($"focus-call-link-1366-{theme}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // Tab until focus is on target or inside it (a MudBlazor field focuses an element within its markup).
    private static async Task<bool> TabIntoAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e.contains(document.activeElement)"))
            {
                return true;
            }
        }
        return false;
    }

    [Fact]
    public async Task FocusedCallLink_CallEndsAndItsRowLeavesTheView_FocusGoesToTheRowNowInItsPlace()
    {
        await fixture.App.EndEveryCallAsync();
        var ending = await fixture.App.CreateCallAsync(AcsCall("+14255550702", "Ezra Ending"));
        var staying = await fixture.App.CreateCallAsync(AcsCall("+14255550703", "Stella Staying"));
        await using var session = await PageSession.OpenAsync(fixture);
        var page = session.Page;

        // Only calls needing attention: an ended call leaves this view, so its row goes from under the focus.
        await page.Locator(".cs-toolbar .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Needs attention", new() { Exact = true }).ClickAsync();
        var link = page.Locator($"a[data-call-id='{ending}']");
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator($"a[data-call-id='{staying}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await TabToAsync(page, link), "the call's link was not reachable with Tab");

        using (await fixture.App.Emulator.PostAsync($"emulator/calls/{Uri.EscapeDataString(ending)}/end", null))
        {
        }

        await Expect(link).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var focused = await page.EvaluateAsync<string>(
            "() => document.activeElement === document.body ? 'body' : document.querySelector('.cs-grid').contains(document.activeElement) ? (document.activeElement.dataset.callId ?? 'grid') : document.activeElement.outerHTML.slice(0, 120)");
        Assert.Equal(staying, focused);
    }

    [Fact]
    public async Task Invitations_FocusedInvitationIsAnswered_FocusGoesToTheInvitationNowInItsPlace()
    {
        await fixture.App.EndEveryCallAsync();
        await fixture.App.CreateCallAsync(AcsCall("+14255550704", "Ida Invited"));
        await fixture.App.CreateCallAsync(AcsCall("+14255550705", "Ivo Invited"));
        await using var session = await PageSession.OpenAsync(fixture, "/invitations");
        var page = session.Page;
        var rows = page.Locator("tr[data-invitation-id]");
        await Expect(rows).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        var answered = await rows.Nth(0).GetAttributeAsync("data-invitation-id");
        var next = await rows.Nth(1).GetAttributeAsync("data-invitation-id");
        var cancel = rows.Nth(0).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel invite to") });
        Assert.True(await TabToAsync(page, cancel), "Cancel invite was not reachable with Tab");

        using (await fixture.App.Emulator.PostAsync($"emulator/invitations/{Uri.EscapeDataString(answered!)}/accept", null))
        {
        }

        await Expect(page.Locator($"tr[data-invitation-id='{answered}']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var focused = await page.EvaluateAsync<string>(
            "() => document.activeElement === document.body ? 'body' : (document.activeElement.closest('[data-invitation-id]')?.dataset.invitationId ?? document.activeElement.outerHTML.slice(0, 120))");
        Assert.Equal(next, focused);
        await Expect(page.Locator(":focus")).ToHaveAccessibleNameAsync(new Regex("^Cancel invite to"));
    }
}
