using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static CallSupervisor.EndToEnd.Tests.LiveCallsUiTests;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// The pictures in README: the live calls page with a call's detail at 1920×1080, 1280×720 and 390×844, light and
/// dark, and the invitations page. Saved to tests/CallSupervisor.EndToEnd.Tests/screenshots/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Screenshots_LiveCallsAtThreeSizesInBothThemes()
    {
        string? callId = null;
        foreach (var (number, name) in new[] { ("+14255550301", "Lena Fischer"), ("+14255550302", "Marco Rossi"), ("+442071838750", "Priya Shah") })
        {
            callId = await fixture.App.CreateCallAsync(AcsCall(number, name));
        }
        await fixture.App.CreateCallAsync(new { platform = "graph", mediaDurationSeconds = 600 });

        foreach (var (width, height) in new[] { (1920, 1080), (1280, 720), (390, 844) })
        {
            foreach (var theme in new[] { "light", "dark" })
            {
                await using var session = await OpenForScreenshotAsync(callId!, width, height, theme);
                await session.ScreenshotAsync($"live-calls-{width}-{theme}");
                Assert.Empty(session.ConsoleErrors);
            }
        }

        await ScreenshotSteppingInAsync();

        await using var invitations = await PageSession.OpenAsync(fixture, "/invitations", 1280, 720, "light");
        await Expect(invitations.Page.GetByRole(AriaRole.Table, new() { Name = "Pending invitations" })).ToContainTextAsync("Ringing");
        await invitations.ScreenshotAsync("invitations-1280-light");
    }

    // A supervisor listening in on a call whose caller is on hold, and the chooser of a transfer, light and dark, wide and phone.
    private async Task ScreenshotSteppingInAsync()
    {
        var callId = await fixture.App.CreateCallAsync(new
        {
            platform = "acs",
            caller = new { kind = "phoneNumber", value = "+14255550388", name = "Nora Lindqvist" },
            invitationBehavior = "acceptAfter",
            acceptAfterSeconds = 1,
            menuChoice = "9",
            patienceSeconds = 600,
            handleTimeSeconds = 600,
        });
        await using var hub = await fixture.App.ConnectHubAsync();
        await hub.WaitForCallAsync(callId, c => c.AgentId is not null && c.Caller is not null && c.Participants.Any(p => p.Identifier.RawId == c.Caller.RawId), TimeSpan.FromSeconds(60));
        Assert.Equal("Accepted", (await hub.ExecuteAsync("Listen", callId)).Status);
        Assert.Equal("Accepted", (await hub.ExecuteAsync("Hold", callId, hub.Board.Calls[callId].Caller!.RawId)).Status);
        await hub.WaitForCallAsync(callId, c => c.Supervisors.Count == 1 && c.Participants.Any(p => p.IsOnHold) && c.Participants.Any(p => p.IsMuted), TimeSpan.FromSeconds(30));
        foreach (var (width, height, theme) in new[] { (1280, 800, "light"), (390, 844, "dark") })
        {
            var (session, detail) = await OpenCallAsync(fixture, callId, width, height, theme);
            await using var _ = session;
            await Expect(detail).ToContainTextAsync("Listening");
            await Expect(detail).ToContainTextAsync("On hold");
            var violations = await session.AccessibilityViolationsAsync();
            Assert.True(violations.Count == 0, string.Join("\n", violations));
            await session.ScreenshotAsync($"stepping-in-{width}-{theme}");
            await detail.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Transfer the call") }).ClickAsync();
            await Expect(session.Page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Or a phone number");
            violations = await session.AccessibilityViolationsAsync();
            Assert.True(violations.Count == 0, string.Join("\n", violations));
            await session.ScreenshotAsync($"transfer-chooser-{width}-{theme}");
            Assert.Empty(session.ConsoleErrors);
        }
    }

    // Wide screens show the list beside a chosen call's detail; a phone shows the list as cards (its detail would
    // fill the whole screen).
    private async Task<PageSession> OpenForScreenshotAsync(string callId, int width, int height, string theme)
    {
        if (width < 760)
        {
            var list = await PageSession.OpenAsync(fixture, "/", width, height, theme);
            await Expect(list.Page.Locator(".cs-cards .cs-card").First).ToBeVisibleAsync();
            return list;
        }
        var (session, detail) = await OpenCallAsync(fixture, callId, width, height, theme);
        await Expect(MediaList(detail)).ToContainTextAsync("Running");
        await Expect(InvitationRows(detail).First).ToContainTextAsync("Ringing");
        await Expect(session.Page.Locator(".cs-call-link").First).ToBeVisibleAsync();
        // From 1280×720 up, the call's own actions and its media's are on screen without scrolling (a participant's and an
        // invitation's sit on their rows, below).
        foreach (var action in new[] { "Listen", "HangUp", "CancelMedia" })
        {
            await Expect(detail.Locator($".cs-action[data-action='{action}'] button").First).ToBeInViewportAsync();
        }
        return session;
    }
}
