using System.Text.RegularExpressions;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static CallSupervisor.EndToEnd.Tests.LiveCallsUiTests;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// What a newcomer meets first: the board's rows on screen as soon as its count is, and on a phone an Observer who
/// reads why an action is unavailable and a "new calls" button that covers nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstLoadAndPhoneTests(BrowserFixture fixture)
{
    // Every painted frame of the live calls page: a count of shown calls above a grid without rows is recorded.
    private const string WatchEveryFrame = """
        (() => {
            window.__emptyGridFrames = [];
            window.__framesWithRows = 0;
            const check = () => {
                const count = document.querySelector('[data-testid="shown-count"]');
                if (count) {
                    const shown = parseInt(count.textContent, 10);
                    const rows = document.querySelectorAll('.cs-grid a.cs-call-link[data-call-id]').length;
                    if (shown > 0 && rows === 0) window.__emptyGridFrames.push(count.textContent + ' / ' + (document.getElementById('app-shell')?.dataset.interactive ?? '?'));
                    if (rows > 0) window.__framesWithRows++;
                }
                requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
        })();
        """;

    [Fact]
    public async Task SignIn_FirstLoad_GridHasRowsInEveryFrameThatCountsShownCalls()
    {
        // A short board (drawn whole): earlier tests' calls end (they stay listed for a moment).
        await fixture.App.EndEveryCallAsync();
        for (var i = 0; i < 3; i++)
        {
            await fixture.App.CreateCallAsync(AcsCall($"+1425555072{i}", $"Fran First {i}"));
        }

        await using var session = await PageSession.SignInThroughBrowserAsync(fixture, OidcSignIn.Supervisor, initScript: WatchEveryFrame);
        var page = session.Page;

        // One snapshot of both: the count and the rows it counts.
        await page.WaitForFunctionAsync(
            "() => parseInt(document.querySelector('[data-testid=\"shown-count\"]')?.textContent ?? '0', 10) > 0 && document.querySelectorAll('.cs-grid a.cs-call-link[data-call-id]').length > 0",
            null, new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => window.__framesWithRows > 5", null, new() { Timeout = 30_000 });
        var empty = await page.EvaluateAsync<string[]>("() => window.__emptyGridFrames");
        Assert.True(empty.Length == 0, $"{empty.Length} frames showed a count of calls over an empty grid, e.g. '{empty.FirstOrDefault()}'");
    }

    [Fact]
    public async Task Phone_Observer_ReasonIsShownAndTheNewCallsButtonCoversNoCard()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550730", "Otto Onphone"));
        await using var session = await PageSession.OpenAsync(fixture, "/?call=" + Uri.EscapeDataString(callId), 390, 844, user: OidcSignIn.Observer);
        var page = session.Page;
        var detail = page.GetByRole(AriaRole.Region, new() { Name = "Call detail" });
        await Expect(InvitationRows(detail).First).ToContainTextAsync("Ringing", new() { Timeout = 30_000 });

        // No hover on a phone: the reason is written out where the action is, not only in a tooltip.
        var mute = detail.Locator(".cs-action[data-action='Mute']").First;
        var reason = mute.GetByText("Your role (Observer) may watch calls but not act on them");
        // Below the call's own actions: scrolled to, as the supervisor would.
        await Expect(reason).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await reason.ScrollIntoViewIfNeededAsync();
        await Expect(reason).ToBeInViewportAsync(new() { Timeout = 30_000 });
        var box = await reason.BoundingBoxAsync();
        Assert.True(box is { Width: >= 40, Height: >= 10 }, $"the reason is not readable on screen: {box?.Width}×{box?.Height}");

        for (var i = 0; i < 3; i++)
        {
            await fixture.App.CreateCallAsync(AcsCall($"+1425555073{i + 1}"));
        }
        var waiting = page.GetByTestId("new-calls");
        await Expect(waiting).ToHaveTextAsync(new Regex(@"^Show [3-9]\d* new calls$"), new() { Timeout = 30_000 });
        await waiting.ScrollIntoViewIfNeededAsync();
        var pill = await waiting.BoundingBoxAsync();
        var card = await page.Locator(".cs-cards .cs-card").First.BoundingBoxAsync();
        Assert.NotNull(pill);
        Assert.NotNull(card);
        await session.ScreenshotAsync("phone-observer-new-calls-390-light");
        var overlaps = pill.X < card.X + card.Width && card.X < pill.X + pill.Width && pill.Y < card.Y + card.Height && card.Y < pill.Y + pill.Height;
        Assert.False(overlaps, $"the button ({pill.X},{pill.Y} {pill.Width}×{pill.Height}) covers the first card ({card.X},{card.Y} {card.Width}×{card.Height})");
    }
}
