using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// The supervisor's three actions in a real browser against the real app and emulator, plus live updates between
/// two supervisors, search and filters, keyboard operation and readable failures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LiveCallsUiTests(BrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static object AcsCall(string caller) => new
    {
        platform = "acs",
        caller = new { kind = "phoneNumber", value = caller },
        participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
        invitationBehavior = "ringForever",
        mediaDurationSeconds = 600,
    };

    private async Task<(PageSession Session, ILocator Detail)> OpenCallAsync(string callId, PageSession? existing = null)
    {
        var session = existing ?? await PageSession.OpenAsync(fixture, "/?call=" + Uri.EscapeDataString(callId));
        var detail = session.Page.GetByRole(AriaRole.Region, new() { Name = "Call detail" });
        await Expect(detail).ToBeVisibleAsync();
        return (session, detail);
    }

    private static ILocator ParticipantRow(ILocator detail, string kind) =>
        detail.GetByRole(AriaRole.List, new() { Name = "Participants" }).Locator($"li[data-kind='{kind}']").First;

    private static ILocator InvitationRows(ILocator detail) =>
        detail.GetByRole(AriaRole.List, new() { Name = "Invitations" }).GetByRole(AriaRole.Listitem);

    // Radzen's confirm dialog (rz-dialog); its buttons are found by their accessible names.
    private static ILocator Dialog(IPage page) => page.Locator(".rz-dialog");

    [Fact]
    public async Task CancelInvitation_AsksForConfirmation_ThenShowsCancelled()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550201"));
        var (session, detail) = await OpenCallAsync(callId);
        await using var _ = session;
        var invitation = InvitationRows(detail).First;
        await Expect(invitation).ToContainTextAsync("Pending");

        await invitation.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel invite to") }).ClickAsync();
        var dialog = Dialog(session.Page);
        await Expect(dialog).ToContainTextAsync("Stop ringing");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel invitation" }).ClickAsync();

        await Expect(invitation).ToContainTextAsync("Cancelled");
        await Expect(invitation.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel invite to") })).ToBeDisabledAsync();
        await Expect(invitation).ToContainTextAsync("The invitation is already cancelled");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task CancelInvitation_DeclinedInDialog_KeepsRinging()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550202"));
        var (session, detail) = await OpenCallAsync(callId);
        await using var _ = session;
        var invitation = InvitationRows(detail).First;
        await Expect(invitation).ToContainTextAsync("Pending");

        await invitation.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel invite to") }).ClickAsync();
        await Dialog(session.Page).GetByRole(AriaRole.Button, new() { Name = "Keep ringing" }).ClickAsync();

        await Expect(Dialog(session.Page)).ToHaveCountAsync(0);
        await Expect(invitation).ToContainTextAsync("Pending");
    }

    [Fact]
    public async Task Mute_AcsParticipant_ShowsMutedForBothSupervisors()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550203"));
        var (first, detail) = await OpenCallAsync(callId);
        await using var _ = first;
        var (second, otherDetail) = await OpenCallAsync(callId);
        await using var __ = second;
        var row = ParticipantRow(detail, "CommunicationUser");
        await Expect(row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") })).ToBeEnabledAsync();

        // Mute does not ask for confirmation.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") }).ClickAsync();

        await Expect(row).ToContainTextAsync("Muted");
        await Expect(ParticipantRow(otherDetail, "CommunicationUser")).ToContainTextAsync("Muted");
        // Click → ACS request → emulator's ParticipantsUpdated callback → store → both circuits (for the record).
        output.WriteLine($"Mute confirmed in the second supervisor's browser {clock.ElapsedMilliseconds} ms after the click");
        await Expect(row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") })).ToBeDisabledAsync();
        Assert.Empty(first.ConsoleErrors);
        Assert.Empty(second.ConsoleErrors);
    }

    [Fact]
    public async Task Mute_PhoneParticipant_DisabledWithVisibleReason()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550204"));
        var (session, detail) = await OpenCallAsync(callId);
        await using var _ = session;
        var phone = ParticipantRow(detail, "PhoneNumber");

        await Expect(phone.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") })).ToBeDisabledAsync();
        await Expect(phone).ToContainTextAsync("ACS can only mute ACS users");
    }

    [Fact]
    public async Task Mute_KeyboardOnly_TabToButtonAndPressEnter()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550205"));
        var (session, detail) = await OpenCallAsync(callId);
        await using var _ = session;
        var row = ParticipantRow(detail, "CommunicationUser");
        var button = row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") });
        await Expect(button).ToBeEnabledAsync();
        var label = await button.GetAttributeAsync("aria-label");

        var reached = false;
        for (var i = 0; i < 150 && !reached; i++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            reached = await session.Page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('aria-label')") == label;
        }
        Assert.True(reached, "the Mute button was not reachable with Tab");
        await session.Page.Keyboard.PressAsync("Enter");

        await Expect(row).ToContainTextAsync("Muted");
    }

    [Fact]
    public async Task CancelMedia_Confirmed_AllMediaCancelled()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550206"));
        var (session, detail) = await OpenCallAsync(callId);
        await using var _ = session;
        var media = detail.GetByRole(AriaRole.List, new() { Name = "Media operations" });
        await Expect(media).ToContainTextAsync("Running");
        // The invitation is the workflow's last request: once it shows, every media request has been made.
        await Expect(InvitationRows(detail).First).ToContainTextAsync("Pending");

        await detail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel media on") }).ClickAsync();
        var dialog = Dialog(session.Page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel media" }).ClickAsync();

        await Expect(media).Not.ToContainTextAsync("Running");
        await Expect(media).ToContainTextAsync("Cancelled");
        await Expect(detail).ToContainTextAsync("No media operation is running");
    }

    [Fact]
    public async Task CancelMedia_GraphCall_CancelledThroughGraph()
    {
        var callId = await fixture.App.CreateCallAsync(new { platform = "graph", mediaDurationSeconds = 600 });
        var (session, detail) = await OpenCallAsync(callId);
        await using var _ = session;
        var media = detail.GetByRole(AriaRole.List, new() { Name = "Media operations" });
        await Expect(media).ToContainTextAsync("Running");

        await detail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel media on") }).ClickAsync();
        await Dialog(session.Page).GetByRole(AriaRole.Button, new() { Name = "Cancel media" }).ClickAsync();

        await Expect(media).ToContainTextAsync("Cancelled");
        await Expect(media).Not.ToContainTextAsync("Running");
    }

    [Fact]
    public async Task Mute_AcsRejects_ShowsErrorWithCodeAndMessage()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550207"));
        var (session, detail) = await OpenCallAsync(callId);
        await using var _ = session;
        var button = ParticipantRow(detail, "CommunicationUser").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") });
        await Expect(button).ToBeEnabledAsync();
        using (await fixture.App.Emulator.PostAsJsonAsync("emulator/faults", new
        {
            failNextRequests = 1,
            failOperation = "mute",
            failStatusCode = 400,
            failErrorCode = "8523",
            failErrorMessage = "Participant cannot be muted right now",
        }))
        {
        }

        try
        {
            await button.ClickAsync();

            var notification = session.Page.Locator(".rz-notification");
            await Expect(notification).ToContainTextAsync("Mute");
            await Expect(notification).ToContainTextAsync("8523");
            await Expect(notification).ToContainTextAsync("Participant cannot be muted right now");
            // Nothing is left pending: the supervisor can try again.
            await Expect(button).ToBeEnabledAsync();
        }
        finally
        {
            using (await fixture.App.Emulator.DeleteAsync("emulator/faults"))
            {
            }
        }
    }

    [Fact]
    public async Task SearchAndFilters_NarrowTheGrid()
    {
        var withInvite = await fixture.App.CreateCallAsync(AcsCall("+14255550777"));
        var quiet = await fixture.App.CreateCallAsync(new { platform = "acs", caller = new { kind = "phoneNumber", value = "+14255550888" }, invitationBehavior = "decline", mediaDurationSeconds = 1 });
        await using var session = await PageSession.OpenAsync(fixture);
        var page = session.Page;
        var grid = page.GetByRole(AriaRole.Grid).Or(page.Locator(".rz-data-grid")).First;
        await Expect(grid).ToContainTextAsync("+14255550777");
        await Expect(grid).ToContainTextAsync("+14255550888");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search calls" }).FillAsync("550888");
        await Expect(grid).ToContainTextAsync("+14255550888");
        await Expect(grid).Not.ToContainTextAsync("+14255550777");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search calls" }).FillAsync("");
        await Expect(grid).ToContainTextAsync("+14255550777");
        // The declining call's invitation ends quickly; the ringing one stays pending.
        await Expect(page.Locator($"[data-call-id='{quiet}']")).Not.ToContainTextAsync("Pending");
        await page.GetByText("Pending invites", new() { Exact = true }).ClickAsync();
        await Expect(grid).ToContainTextAsync("+14255550777");
        await Expect(grid).Not.ToContainTextAsync("+14255550888");
        Assert.NotEqual(withInvite, quiet);
    }

    [Fact]
    public async Task SelectingACall_PutsItInTheUrl_AndReloadKeepsIt()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550209"));
        await using var session = await PageSession.OpenAsync(fixture);
        var page = session.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "+14255550209" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("\\?call=" + Regex.Escape(Uri.EscapeDataString(callId))));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Call detail" })).ToContainTextAsync("+14255550209");
        await page.ReloadAsync();
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Call detail" })).ToContainTextAsync("+14255550209");
    }

    [Fact]
    public async Task CircuitDropped_ReconnectsAndShowsCurrentState()
    {
        await using var session = await PageSession.OpenAsync(fixture);
        var page = session.Page;

        // Blazor's own test hook: drop the circuit's connection as a network blip would.
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");
        // Blazor's reconnect display exists from the first disconnection on: proof the circuit really dropped.
        await Expect(page.Locator("#components-reconnect-modal")).ToHaveCountAsync(1);
        // A call arrives while this browser is (re)connecting.
        await fixture.App.CreateCallAsync(AcsCall("+14255550999"));

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "+14255550999" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("connection")).ToContainTextAsync("Live");
        await Expect(page.GetByTestId("connection").Locator(".cs-connection-reconnecting")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Screenshots_LiveCallsAndDetail_LightAndDark()
    {
        string? callId = null;
        foreach (var caller in new[] { "+14255550301", "+14255550302", "+442071838750" })
        {
            callId = await fixture.App.CreateCallAsync(AcsCall(caller));
        }
        await fixture.App.CreateCallAsync(new { platform = "graph", mediaDurationSeconds = 600 });
        var (session, detail) = await OpenCallAsync(callId!);
        await using var _ = session;
        await Expect(detail.GetByRole(AriaRole.List, new() { Name = "Media operations" })).ToContainTextAsync("Running");
        await Expect(InvitationRows(detail).First).ToContainTextAsync("Pending");
        // The grid is virtualised: rows appear once it has measured its viewport.
        await Expect(session.Page.Locator("tr[data-call-id]")).Not.ToHaveCountAsync(0);
        await session.ScreenshotAsync("live-calls-light");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Expect(session.Page.Locator("link#radzen-theme-link")).ToHaveAttributeAsync("href", new Regex("material-dark"));
        await session.ScreenshotAsync("live-calls-dark");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" }).ClickAsync();

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Invitations" }).ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Table, new() { Name = "Pending invitations" })).ToContainTextAsync("Pending");
        await session.ScreenshotAsync("invitations-light");
        Assert.Empty(session.ConsoleErrors);
    }
}
