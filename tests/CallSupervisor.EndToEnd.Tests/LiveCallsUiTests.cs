using System.Text.RegularExpressions;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// The supervisor's three actions in a real browser against the real app and emulator, plus live updates between
/// two supervisors, search and filters, and readable failures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveCallsUiTests(BrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    internal static object AcsCall(string caller, string? name = null) => new
    {
        platform = "acs",
        caller = new { kind = "phoneNumber", value = caller, name },
        participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
        invitationBehavior = "ringForever",
        mediaDurationSeconds = 600,
    };

    internal static async Task<(PageSession Session, ILocator Detail)> OpenCallAsync(BrowserFixture fixture, string callId, int width = 1366, int height = 820, string? theme = null)
    {
        var session = await PageSession.OpenAsync(fixture, "/?call=" + Uri.EscapeDataString(callId), width, height, theme);
        var detail = session.Page.GetByRole(AriaRole.Region, new() { Name = "Call detail" });
        await Expect(detail).ToBeVisibleAsync();
        return (session, detail);
    }

    internal static ILocator ParticipantRow(ILocator detail, string kind) =>
        detail.GetByRole(AriaRole.List, new() { Name = "Participants" }).Locator($"li[data-kind='{kind}']").First;

    internal static ILocator InvitationRows(ILocator detail) =>
        detail.GetByRole(AriaRole.List, new() { Name = "Invitations" }).GetByRole(AriaRole.Listitem);

    internal static ILocator MediaList(ILocator detail) => detail.GetByRole(AriaRole.List, new() { Name = "Media operations" });

    private static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog);

    private static ILocator Notices(IPage page) => page.Locator(".mud-snackbar");

    [Fact]
    public async Task CancelInvitation_AsksWithKeepRingingFocused_ThenShowsCancelledAndWhoDidIt()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550201"));
        var (session, detail) = await OpenCallAsync(fixture, callId);
        await using var _ = session;
        var invitation = InvitationRows(detail).First;
        await Expect(invitation).ToContainTextAsync("Ringing");
        var me = await session.Page.GetByTestId("user-name").InnerTextAsync();

        await invitation.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel invite to") }).ClickAsync();
        var dialog = Dialog(session.Page);
        await Expect(dialog).ToContainTextAsync("Stop ringing");
        await Expect(session.Page.GetByTestId("confirm-safe")).ToBeFocusedAsync();
        await Expect(session.Page.GetByTestId("confirm-safe")).ToHaveTextAsync("Keep ringing");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel invitation" }).ClickAsync();

        await Expect(invitation).ToContainTextAsync("Cancelled");
        await Expect(invitation).ToContainTextAsync("cancelled by " + me);
        await Expect(invitation.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel invite to") })).ToBeDisabledAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task CancelInvitation_EnterInTheDialog_KeepsRingingAndFocusReturnsToTheButton()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550202"));
        var (session, detail) = await OpenCallAsync(fixture, callId);
        await using var _ = session;
        var invitation = InvitationRows(detail).First;
        await Expect(invitation).ToContainTextAsync("Ringing");
        var button = invitation.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel invite to") });

        await button.ClickAsync();
        await Expect(Dialog(session.Page)).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("confirm-safe")).ToBeFocusedAsync();
        await session.Page.Keyboard.PressAsync("Enter");

        await Expect(Dialog(session.Page)).ToHaveCountAsync(0);
        await Expect(invitation).ToContainTextAsync("Ringing");
        await Expect(button).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Mute_ShowsMutedForBothSupervisors()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550203"));
        var (first, detail) = await OpenCallAsync(fixture, callId);
        await using var _ = first;
        var (second, otherDetail) = await OpenCallAsync(fixture, callId);
        await using var __ = second;
        var row = ParticipantRow(detail, "CommunicationUser");
        var mute = row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") });
        await Expect(mute).ToBeEnabledAsync();

        // Mute does not ask for confirmation.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await mute.ClickAsync();

        await Expect(row).ToContainTextAsync("Muted");
        await Expect(ParticipantRow(otherDetail, "CommunicationUser")).ToContainTextAsync("Muted");
        // Click → ACS request → emulator's ParticipantsUpdated callback → store → both circuits (for the record).
        output.WriteLine($"Mute confirmed in the second supervisor's browser {clock.ElapsedMilliseconds} ms after the click");
        await Expect(mute).ToBeDisabledAsync();
        await Expect(Notices(first.Page).Filter(new() { HasText = "muted" })).ToBeVisibleAsync();
        Assert.Empty(first.ConsoleErrors);
        Assert.Empty(second.ConsoleErrors);
    }

    [Fact]
    public async Task Mute_PhoneParticipant_NoButtonAndTheReasonOnceForTheSection()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550204"));
        var (session, detail) = await OpenCallAsync(fixture, callId);
        await using var _ = session;
        var phone = ParticipantRow(detail, "PhoneNumber");
        await Expect(phone).ToBeVisibleAsync();

        await Expect(phone.Locator("[data-action='Mute']")).ToHaveCountAsync(0);
        await Expect(detail.Locator(".cs-section-note:not(.cs-action-note)")).ToHaveCountAsync(1);
        await Expect(detail.Locator(".cs-section-note:not(.cs-action-note)")).ToContainTextAsync("ACS can only mute ACS users");
    }

    [Fact]
    public async Task CancelMedia_Confirmed_EachOperationSaysItWasCancelled()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550206"));
        var (session, detail) = await OpenCallAsync(fixture, callId);
        await using var _ = session;
        var media = MediaList(detail);
        await Expect(media).ToContainTextAsync("Running");
        // The invitation is the workflow's last request: once it shows, every media request has been made.
        await Expect(InvitationRows(detail).First).ToContainTextAsync("Ringing");

        await detail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel all media on") }).ClickAsync();
        var dialog = Dialog(session.Page);
        await Expect(dialog).ToContainTextAsync("ACS cancels every media operation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel all media" }).ClickAsync();

        await Expect(media).Not.ToContainTextAsync("Running");
        await Expect(media).ToContainTextAsync("cancelled by");
        await Expect(detail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel all media on") })).ToBeDisabledAsync();
    }

    [Fact]
    public async Task CancelMedia_GraphCall_CancelledThroughGraph()
    {
        var callId = await fixture.App.CreateCallAsync(new { platform = "graph", mediaDurationSeconds = 600 });
        var (session, detail) = await OpenCallAsync(fixture, callId);
        await using var _ = session;
        var media = MediaList(detail);
        await Expect(media).ToContainTextAsync("Running");

        await detail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel all media on") }).ClickAsync();
        await Dialog(session.Page).GetByRole(AriaRole.Button, new() { Name = "Cancel all media" }).ClickAsync();

        await Expect(media).ToContainTextAsync("Cancelled");
        await Expect(media).Not.ToContainTextAsync("Running");
    }

    [Fact]
    public async Task Mute_AcsRejects_ErrorNoticeWithCodeAndMessageStays()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550207"));
        var (session, detail) = await OpenCallAsync(fixture, callId);
        await using var _ = session;
        var button = ParticipantRow(detail, "CommunicationUser").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") });
        await Expect(button).ToBeEnabledAsync();
        await fixture.App.SetFaultsAsync(new
        {
            failNextRequests = 1,
            failOperation = "mute",
            failStatusCode = 400,
            failErrorCode = "8523",
            failErrorMessage = "Participant cannot be muted right now",
        });
        try
        {
            await button.ClickAsync();

            var notice = Notices(session.Page).Filter(new() { HasText = "8523" });
            await Expect(notice).ToContainTextAsync("Participant cannot be muted right now");
            // Nothing is left pending: the supervisor can try again; the notice waits to be dismissed.
            await Expect(button).ToBeEnabledAsync();
            await Expect(notice.GetByRole(AriaRole.Button)).ToBeVisibleAsync();
        }
        finally
        {
            await fixture.App.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task SearchAndFilters_NarrowTheGrid()
    {
        await fixture.App.CreateCallAsync(AcsCall("+14255550777", "Wanda Withinvite"));
        var quiet = await fixture.App.CreateCallAsync(new { platform = "acs", caller = new { kind = "phoneNumber", value = "+14255550888", name = "Quentin Quiet" }, invitationBehavior = "decline", acceptAfterSeconds = 1, mediaDurationSeconds = 1 });
        await using var session = await PageSession.OpenAsync(fixture);
        var page = session.Page;
        var grid = page.GetByRole(AriaRole.Table, new() { Name = "Live calls" }).Or(page.Locator(".cs-grid table")).First;

        // Searches keep each call in view whatever else the shared board holds (the grid renders only visible rows).
        var search = page.GetByLabel("Search caller, agent, number or call id");
        await search.FillAsync("550888");
        await Expect(grid).ToContainTextAsync("Quentin Quiet");
        await Expect(grid).Not.ToContainTextAsync("Wanda Withinvite");
        // The declining call's invitation ends within a second; the other one keeps ringing.
        await Expect(page.Locator($"a[data-call-id='{quiet}']").Locator("xpath=ancestor::tr").Locator("td[data-label=Invites]")).ToHaveTextAsync("0", new() { Timeout = 20_000 });

        await page.GetByText("Pending invites", new() { Exact = true }).ClickAsync();
        await Expect(grid).Not.ToContainTextAsync("Quentin Quiet");
        await search.FillAsync("550777");
        await Expect(grid).ToContainTextAsync("Wanda Withinvite");
    }

    [Fact]
    public async Task SelectingACall_PutsItInTheUrl_AndReloadKeepsIt()
    {
        await fixture.App.EndEveryCallAsync();
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550209", "Ursula Url"));
        await using var session = await PageSession.OpenAsync(fixture);
        var page = session.Page;

        await page.Locator($"a[data-call-id='{callId}']").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("\\?call=" + Regex.Escape(Uri.EscapeDataString(callId))));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Call detail" })).ToContainTextAsync("Ursula Url");
        await page.ReloadAsync();
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Call detail" })).ToContainTextAsync("+1 425-555-0209");
    }

    [Fact]
    public async Task CircuitDropped_SaysTheBoardIsStaleThenReconnectsWithCurrentState()
    {
        await using var session = await PageSession.OpenAsync(fixture);
        var page = session.Page;

        // Blazor's own test hook drops the circuit's connection as a network blip would; refusing the negotiate
        // requests keeps the browser from reconnecting until the test lets it, so the stale state can be seen.
        const string negotiate = "**/_blazor/negotiate**";
        // Only the call this test makes is listed, whatever other tests left on the shared board.
        await page.GetByLabel("Search caller, agent, number or call id").FillAsync("4255550999");
        await Expect(page.GetByTestId("shown-count")).ToHaveTextAsync("0 shown");
        await page.RouteAsync(negotiate, route => route.AbortAsync());
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");
        var banner = page.Locator("#components-reconnect-modal");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("stale since");
        await Expect(session.Connection("reconnecting")).ToBeVisibleAsync();
        // A call arrives while this browser is cut off; then the network comes back.
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550999"));
        await page.UnrouteAsync(negotiate);

        await Expect(page.Locator($"a[data-call-id='{callId}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(session.Connection("live")).ToBeVisibleAsync();
        await Expect(banner).ToBeHiddenAsync();
    }
}
