using System.Text.RegularExpressions;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// A supervisor steps into a call in Chromium, as a new user would: listen in, join, leave; hold and resume the
/// caller; transfer the call to a free agent from the chooser; remove the agent, rescue the caller left alone by
/// assigning another agent, then hang up for everyone — every button drawn from its action's descriptor.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SteppingInUiTests(BrowserFixture fixture)
{
    // A Lab caller whose agent (and anyone invited later) answers within a second, and who stays on the line.
    private static object AnsweredCall(string caller) => new
    {
        platform = "acs",
        caller = new { kind = "phoneNumber", value = caller },
        invitationBehavior = "acceptAfter",
        acceptAfterSeconds = 1,
        menuChoice = "9",
        patienceSeconds = 600,
        handleTimeSeconds = 600,
    };

    [Fact]
    public async Task ListenJoinLeave_HoldResume_TransferToAFreeAgent()
    {
        var callId = await fixture.App.CreateCallAsync(AnsweredCall("+14255550301"));
        var (session, detail) = await LiveCallsUiTests.OpenCallAsync(fixture, callId);
        await using var _ = session;
        var agentFact = detail.GetByTestId("detail-agent");
        await Expect(agentFact).ToContainTextAsync("Agent: Test Agent");
        var firstAgent = await agentFact.InnerTextAsync();
        var actions = detail.GetByRole(AriaRole.Group, new() { Name = "Call actions" });

        await actions.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Listen in") }).ClickAsync();
        var sam = Participants(detail).Filter(new() { HasText = "Sam Supervisor" });
        await Expect(sam).ToContainTextAsync("Listening");
        await Expect(sam).ToContainTextAsync("Muted");
        await Expect(detail.Locator(".cs-section-note").Filter(new() { HasText = "can see you" })).ToBeVisibleAsync();

        await actions.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Join") }).ClickAsync();
        await Expect(sam).ToContainTextAsync("Joined");

        await actions.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Leave") }).ClickAsync();
        await Expect(sam).ToHaveCountAsync(0);

        var caller = LiveCallsUiTests.ParticipantRow(detail, "PhoneNumber");
        await caller.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Hold") }).ClickAsync();
        await Expect(caller).ToContainTextAsync("On hold");
        await caller.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Resume") }).ClickAsync();
        await Expect(caller).Not.ToContainTextAsync("On hold");

        await actions.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Transfer the call") }).ClickAsync();
        var chooser = session.Page.GetByRole(AriaRole.Dialog);
        await Expect(chooser).ToContainTextAsync("Transfer");
        var free = chooser.Locator("[data-agent-id^='test-']:not([disabled])").First;
        var freeName = (await free.Locator(".cs-choice-name").InnerTextAsync()).Trim();
        await free.ClickAsync();
        await Expect(agentFact).ToHaveTextAsync("Agent: " + freeName);
        Assert.NotEqual(firstAgent, "Agent: " + freeName);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task RemoveTheAgent_AssignAnother_ThenHangUpForEveryone()
    {
        var callId = await fixture.App.CreateCallAsync(AnsweredCall("+14255550302"));
        var (session, detail) = await LiveCallsUiTests.OpenCallAsync(fixture, callId);
        await using var _ = session;
        await Expect(detail.GetByTestId("detail-agent")).ToContainTextAsync("Agent: Test Agent");
        var page = session.Page;

        // The agent is cut off: confirmed first, the safe choice focused.
        var agentRow = Participants(detail).Filter(new() { HasText = "Test Agent" });
        await agentRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Remove") }).ClickAsync();
        await Expect(page.GetByTestId("confirm-safe")).ToBeFocusedAsync();
        await page.GetByTestId("confirm-destructive").ClickAsync();
        await Expect(agentRow).ToHaveCountAsync(0);

        // The caller is alone: assign them to a free agent from the chooser; they answer.
        var actions = detail.GetByRole(AriaRole.Group, new() { Name = "Call actions" });
        await actions.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Assign") }).ClickAsync();
        var free = page.GetByRole(AriaRole.Dialog).Locator("[data-agent-id^='test-']:not([disabled])").First;
        var name = (await free.Locator(".cs-choice-name").InnerTextAsync()).Trim();
        await free.ClickAsync();
        await Expect(detail.GetByTestId("detail-agent")).ToHaveTextAsync("Agent: " + name);

        await actions.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Hang up") }).ClickAsync();
        await Expect(page.GetByTestId("confirm-safe")).ToHaveTextAsync("Keep the call");
        await page.GetByTestId("confirm-destructive").ClickAsync();
        await Expect(detail).ToContainTextAsync("Disconnected");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task KeyboardOnly_HoldThenResumeInPlace_TransferChooserClosesWithEscape()
    {
        var callId = await fixture.App.CreateCallAsync(AnsweredCall("+14255550304"));
        var (session, detail) = await LiveCallsUiTests.OpenCallAsync(fixture, callId);
        await using var _ = session;
        var page = session.Page;
        await Expect(detail.GetByTestId("detail-agent")).ToContainTextAsync("Agent: Test Agent");
        var caller = LiveCallsUiTests.ParticipantRow(detail, "PhoneNumber");

        // Tab from the call's heading to the caller's Hold button, as a keyboard user would.
        await detail.Locator("h2").FocusAsync();
        var hold = caller.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Hold") });
        for (var i = 0; i < 40 && !await hold.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(hold).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(caller).ToContainTextAsync("On hold");
        // Resume takes Hold's place: focus is still there, and Enter resumes.
        var resume = caller.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Resume") });
        await Expect(resume).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(caller).Not.ToContainTextAsync("On hold");

        // The notices of hold and resume come and go (axe would measure one half faded in).
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var transfer = detail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Transfer the call") });
        await transfer.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        var violations = await session.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(transfer).ToBeFocusedAsync();
        violations = await session.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Record_AskedFirst_ThenPauseResumeAndStop()
    {
        var callId = await fixture.App.CreateCallAsync(AnsweredCall("+14255550305"));
        var (session, detail) = await LiveCallsUiTests.OpenCallAsync(fixture, callId);
        await using var _ = session;
        var page = session.Page;
        var section = detail.GetByTestId("recording-section");
        var state = detail.GetByTestId("recording-state");
        await Expect(state).ToContainTextAsync("Not recorded");

        await section.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Record") }).ClickAsync();
        await Expect(page.GetByTestId("confirm-safe")).ToHaveTextAsync("Don't record");
        await page.GetByTestId("confirm-destructive").ClickAsync();
        await Expect(state).ToContainTextAsync("Recording since");

        await section.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pause recording") }).ClickAsync();
        await Expect(state).ToContainTextAsync("Paused since");
        await section.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Resume recording") }).ClickAsync();
        await Expect(state).ToContainTextAsync("Recording since");

        await section.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Stop recording") }).ClickAsync();
        await page.GetByTestId("confirm-destructive").ClickAsync();
        await Expect(state).ToContainTextAsync("Stopped at");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Observer_SeesTheNewButtonsDisabledWithTheReason()
    {
        var callId = await fixture.App.CreateCallAsync(AnsweredCall("+14255550303"));
        var session = await PageSession.OpenAsync(fixture, "/?call=" + Uri.EscapeDataString(callId), user: OidcSignIn.Observer);
        await using var _ = session;
        var detail = session.Page.GetByRole(AriaRole.Region, new() { Name = "Call detail" });
        var listen = detail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Listen in") });

        await Expect(listen).ToHaveAttributeAsync("aria-disabled", "true");
        await Expect(detail.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Hang up") })).ToHaveAttributeAsync("aria-disabled", "true");
        // Reachable by keyboard and says why; pressing it does nothing.
        await listen.FocusAsync();
        await Expect(listen).ToBeFocusedAsync();
        await Expect(detail.Locator(".cs-action[data-action='Listen'] .cs-action-reason")).ToContainTextAsync("Observer");
        await session.Page.Keyboard.PressAsync("Enter");
        await Expect(session.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(detail.Locator("[data-action='Listen']")).ToHaveAttributeAsync("data-state", "disabled");
    }

    private static ILocator Participants(ILocator detail) =>
        detail.GetByRole(AriaRole.List, new() { Name = "Participants" }).GetByRole(AriaRole.Listitem);
}
