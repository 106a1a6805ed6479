using System.Text.RegularExpressions;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using CallSupervisor.EndToEnd.Tests.ServiceLayer;
using Microsoft.Playwright;
using static CallSupervisor.EndToEnd.Tests.LiveCallsUiTests;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// What a supervisor's day needs beyond the actions themselves: keyboard-only work with focus kept, a list that does
/// not move under the pointer, attention marks, a phone, and no serious accessibility problem on any page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisorExperienceTests(BrowserFixture fixture)
{
    internal static async Task<bool> TabToAsync(IPage page, ILocator target, int limit = 200)
    {
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return true;
            }
        }
        return false;
    }

    [Fact]
    public async Task ThreeActions_KeyboardOnly_FocusGoesToTheDetailAndReturnsAfterEachAction()
    {
        await fixture.App.EndEveryCallAsync();
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550401", "Kim Keyboard"));
        await using var session = await PageSession.OpenAsync(fixture);
        var page = session.Page;

        // Open the call from the grid by keyboard: focus moves to the detail.
        var link = page.Locator($"a[data-call-id='{callId}']");
        Assert.True(await TabToAsync(page, link), "the call's link was not reachable with Tab");
        await page.Keyboard.PressAsync("Enter");
        var detail = page.GetByRole(AriaRole.Region, new() { Name = "Call detail" });
        await Expect(detail.Locator("h2")).ToBeFocusedAsync();
        await Expect(InvitationRows(detail).First).ToContainTextAsync("Ringing");

        // Mute: no question; focus comes back to where the button is.
        var mute = ParticipantRow(detail, "CommunicationUser").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") });
        Assert.True(await TabToAsync(page, mute), "Mute was not reachable with Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(ParticipantRow(detail, "CommunicationUser")).ToContainTextAsync("Muted");
        await Expect(mute).ToBeFocusedAsync();

        // Cancel invite: Enter alone keeps it ringing (the safe choice has the focus); Tab then Enter cancels.
        var cancel = InvitationRows(detail).First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel invite to") });
        Assert.True(await TabToAsync(page, cancel), "Cancel invite was not reachable with Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("confirm-safe")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(cancel).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("confirm-safe")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(InvitationRows(detail).First).ToContainTextAsync("Cancelled");

        // Cancel all media, the same way.
        var media = detail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel all media on") });
        Assert.True(await TabToAsync(page, media), "Cancel all media was not reachable with Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("confirm-safe")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(MediaList(detail)).Not.ToContainTextAsync("Running");
        await Expect(media).ToBeFocusedAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Grid_WhileACallIsSelected_NewCallsDoNotMoveItAndWaitBehindAButton()
    {
        await fixture.App.EndEveryCallAsync();
        var selected = await fixture.App.CreateCallAsync(AcsCall("+14255550402", "Sam Selected"));
        var (session, _) = await OpenCallAsync(fixture, selected);
        await using var __ = session;
        var page = session.Page;
        var row = page.Locator($"a[data-call-id='{selected}']");
        await Expect(row).ToBeVisibleAsync();
        var before = await row.BoundingBoxAsync();

        for (var i = 0; i < 3; i++)
        {
            await fixture.App.CreateCallAsync(AcsCall($"+1425555041{i}"));
        }

        var waiting = page.GetByTestId("new-calls");
        await Expect(waiting).ToHaveTextAsync(new Regex(@"^Show [3-9]\d* new calls$"));
        var after = await row.BoundingBoxAsync();
        Assert.Equal(before!.Y, after!.Y);

        await waiting.ClickAsync();
        await Expect(waiting).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Threshold_RingingTooLong_MarksTheRowWithIconAndWords()
    {
        await fixture.App.EndEveryCallAsync();
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550403", "Tom Threshold"));
        await using var session = await PageSession.OpenAsync(fixture);
        var row = session.Page.Locator($"a[data-call-id='{callId}']").Locator("xpath=ancestor::tr");

        var mark = row.GetByTestId("attention");
        await Expect(mark).ToContainTextAsync("Ringing", new() { Timeout = (BrowserAppFixture.RingingThresholdSeconds + 15) * 1000 });
        await Expect(mark.Locator("svg")).ToHaveCountAsync(1);
        await Expect(row).ToHaveClassAsync(new Regex("cs-row-attention"));
        await Expect(session.Page.GetByTestId("summary-attention")).Not.ToHaveTextAsync("0");
    }

    [Fact]
    public async Task Phone_CardsAndEveryActionOfTheSelectedCallWithinReach()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550404", "Pia Phone"));
        var (session, detail) = await OpenCallAsync(fixture, callId, 390, 844);
        await using var _ = session;
        var page = session.Page;
        await Expect(InvitationRows(detail).First).ToContainTextAsync("Ringing");

        // No sideways scrolling; the header keeps the menu, product and connection.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await Expect(page.GetByTestId("connection")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "More: your account and the theme" })).ToBeVisibleAsync();

        var mute = ParticipantRow(detail, "CommunicationUser").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") });
        var cancel = InvitationRows(detail).First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel invite to") });
        var media = detail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel all media on") });
        // The call's own actions come first; each of a participant's, the media's and an invitation's is one scroll
        // of the detail away, enabled and on screen once scrolled to.
        await Expect(detail.GetByRole(AriaRole.Group, new() { Name = "Call actions" })).ToBeInViewportAsync();
        foreach (var button in new[] { mute, cancel, media })
        {
            await Expect(button).ToBeEnabledAsync();
            await button.ScrollIntoViewIfNeededAsync();
            await Expect(button).ToBeInViewportAsync();
        }
        await mute.ClickAsync();
        await Expect(ParticipantRow(detail, "CommunicationUser")).ToContainTextAsync("Muted");

        // The list follows the detail: scrolled to, it shows the calls as cards.
        await page.Locator(".cs-cards").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator(".cs-cards .cs-card").First).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Accessibility_EveryPage_NoSeriousOrCriticalViolations(string theme)
    {
        // On screen: ended rows (every earlier call ends now), a live call ringing with media running, one whose
        // invitee declined (a failed invitation) and whose media completed, one answered, one muted with its media
        // and invitation cancelled, and one ended — so every state's row and chip colour is checked, not only the
        // happy ones.
        await fixture.App.EndEveryCallAsync();
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550405", "Ada Access"));
        var declined = await fixture.App.CreateCallAsync(new
        {
            platform = "acs",
            caller = new { kind = "phoneNumber", value = "+14255550406", name = "Dina Declined" },
            participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
            invitationBehavior = "decline",
            acceptAfterSeconds = 0.5,
            mediaDurationSeconds = 1,
        });
        var answered = await fixture.App.CreateCallAsync(new
        {
            platform = "acs",
            caller = new { kind = "phoneNumber", value = "+14255550407", name = "Andy Answered" },
            invitationBehavior = "acceptAfter",
            acceptAfterSeconds = 0.5,
            mediaDurationSeconds = 600,
        });
        // Muted, and its media and invitation cancelled by a supervisor: the warning and default chips.
        var settled = await fixture.App.CreateCallAsync(AcsCall("+14255550409", "Mia Muted"));
        await using (var hub = await fixture.App.ConnectHubAsync())
        {
            var call = await hub.ExpectCallAsync(settled, c => c.Participants.Any(p => p.Identifier.Kind == "CommunicationUser") && c.MediaOperations.Count > 0 && c.Invitations.Count > 0,
                "connected call with an ACS user, media and an invitation");
            await hub.MuteAsync(settled, call.Participants.First(p => p.Identifier.Kind == "CommunicationUser").Identifier.RawId);
            await hub.CancelMediaAsync(settled);
            await hub.CancelInvitationAsync(settled, call.Invitations[0].InvitationId);
        }
        var ended = await fixture.App.CreateCallAsync(AcsCall("+14255550408", "Eve Ended"));
        await ExpectOnEmulatorAsync(ended, "connected");
        using (await fixture.App.Emulator.PostAsync($"emulator/calls/{Uri.EscapeDataString(ended)}/end", null))
        {
        }

        var failures = new List<string>();
        var pages = new (string Path, Func<IPage, Task> Ready)[]
        {
            ("/", page => Expect(page.Locator($"a[data-call-id='{ended}']").Locator("xpath=ancestor::tr")).ToHaveClassAsync(new Regex("cs-row-ended"), new() { Timeout = 30_000 })),
            (CallPath(callId), page => Expect(InvitationRows(Detail(page)).First).ToContainTextAsync("Ringing", new() { Timeout = 30_000 })),
            (CallPath(declined), async page =>
            {
                await Expect(Detail(page).GetByRole(AriaRole.List, new() { Name = "Invitations" })).ToContainTextAsync("Failed", new() { Timeout = 30_000 });
                await Expect(MediaList(Detail(page))).ToContainTextAsync("Completed", new() { Timeout = 30_000 });
            }),
            (CallPath(answered), page => Expect(Detail(page).GetByRole(AriaRole.List, new() { Name = "Invitations" })).ToContainTextAsync("Accepted", new() { Timeout = 30_000 })),
            (CallPath(ended), page => Expect(Detail(page)).ToContainTextAsync("Disconnected", new() { Timeout = 30_000 })),
            (CallPath(settled), async page =>
            {
                await Expect(Detail(page).GetByRole(AriaRole.List, new() { Name = "Participants" })).ToContainTextAsync("Muted", new() { Timeout = 30_000 });
                await Expect(MediaList(Detail(page))).ToContainTextAsync("Cancelled", new() { Timeout = 30_000 });
                await Expect(Detail(page).GetByRole(AriaRole.List, new() { Name = "Invitations" })).ToContainTextAsync("Cancelled", new() { Timeout = 30_000 });
            }),
            ("/invitations", _ => Task.CompletedTask),
            ("/activity", _ => Task.CompletedTask),
            ("/operations", _ => Task.CompletedTask),
            ("/no-such-page", _ => Task.CompletedTask),
        };
        foreach (var (path, ready) in pages)
        {
            await using var session = await PageSession.OpenAsync(fixture, path, theme: theme);
            await ready(session.Page);
            if (path == "/")
            {
                await session.ScreenshotAsync($"ended-rows-1366-{theme}");
            }
            foreach (var violation in await session.AccessibilityViolationsAsync())
            {
                failures.Add($"{path} ({theme}): {violation}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string CallPath(string callId) => "/?call=" + Uri.EscapeDataString(callId);

    private static ILocator Detail(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Call detail" });

    private Task ExpectOnEmulatorAsync(string callId, string state) =>
        Eventually.UntilAsync(
            fixture.App.EmulatorCallsAsync,
            calls => calls.EnumerateArray().Any(c => c.GetProperty("callId").GetString() == callId && c.GetProperty("state").GetString() == state),
            $"call {callId} becoming {state} on the emulator");
}
