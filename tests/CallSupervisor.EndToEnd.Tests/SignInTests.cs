using System.Net;
using System.Text.RegularExpressions;
using CallSupervisor.Client;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using CallSupervisor.EndToEnd.Tests.ServiceLayer;
using Microsoft.Playwright;
using static CallSupervisor.EndToEnd.Tests.LiveCallsUiTests;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// Sign-in through the real OpenID Connect flow (Identity.Web in the app, the emulator's provider) and roles enforced
/// on the server: anonymous browsers go to sign-in, anonymous machines get 401, an Observer sees everything and can
/// act on nothing — not from the page and not by invoking the hub — and sign-out ends the session.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(OidcSignIn.Observer, "Observer")]
    [InlineData(OidcSignIn.Supervisor, "Supervisor")]
    [InlineData(OidcSignIn.Manager, "Supervisor, Auditor, Administrator")]
    public async Task Browser_SignsInAsEachDemoUser_HeaderNamesThemAndTheirRole(string user, string role)
    {
        await using var session = await PageSession.SignInThroughBrowserAsync(fixture, user, "/invitations");

        await Expect(session.Page).ToHaveURLAsync(new Regex("/invitations$"));
        await Expect(session.Page.GetByTestId("user-name")).ToHaveTextAsync(user);
        await Expect(session.Page.GetByTestId("user-role")).ToHaveTextAsync(role);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Anonymous_Browser_IsSentToSignIn_AndMachinesGet401()
    {
        await using var anonymous = await fixture.NewContextAsync(user: null);
        var page = await anonymous.NewPageAsync();
        await page.GotoAsync("/activity");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CallSupervisor (development)" })).ToBeVisibleAsync();

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };
        using var negotiate = await http.PostAsync("hubs/calls/negotiate?negotiateVersion=1", null);
        using var circuit = await http.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, circuit.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => CallsHubClient.ConnectAsync(fixture.BaseAddress, new CallsHubClientOptions { AutomaticReconnect = false }));
    }

    [Fact]
    public async Task Observer_SeesTheCallButEveryActionIsUnavailableSayingWhy()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550601", "Omar Observed"));
        await using var session = await PageSession.OpenAsync(fixture, "/?call=" + Uri.EscapeDataString(callId), user: OidcSignIn.Observer);
        var detail = session.Page.GetByRole(AriaRole.Region, new() { Name = "Call detail" });
        await Expect(InvitationRows(detail).First).ToContainTextAsync("Ringing");

        foreach (var action in new[] { "Mute", "CancelInvitation", "CancelMedia" })
        {
            var button = detail.Locator($".cs-action[data-action='{action}'] button").First;
            await Expect(button).ToHaveAttributeAsync("aria-disabled", "true");
            var description = await button.GetAttributeAsync("aria-describedby");
            await Expect(session.Page.Locator("#" + description)).ToHaveTextAsync("Your role (Observer) may watch calls but not act on them");
        }
        // A click on the unavailable button does nothing.
        await detail.Locator(".cs-action[data-action='Mute'] button").First.ClickAsync(new() { Force = true });
        await Expect(session.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(ParticipantRow(detail, "CommunicationUser")).Not.ToContainTextAsync("Muted");
    }

    [Fact]
    public async Task Observer_ForgedHubInvocation_IsRefusedAndNothingIsSent()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550602"));
        await using var observer = await fixture.App.ConnectHubAsync(user: OidcSignIn.Observer);
        var call = await observer.ExpectCallAsync(callId, c => c.Participants.Any(p => p.Identifier.Kind == "CommunicationUser") && c.MediaOperations.Count > 0, "connected call with an ACS user and media");
        var agent = call.Participants.First(p => p.Identifier.Kind == "CommunicationUser").Identifier.RawId;

        var mute = await observer.MuteAsync(callId, agent);
        var media = await observer.CancelMediaAsync(callId);

        Assert.Equal("Forbidden", mute.Status);
        Assert.Equal("Your role (Observer) may watch calls but not act on them", mute.Message);
        Assert.Equal("Forbidden", media.Status);
        var emulator = await fixture.App.EmulatorCallsAsync();
        var onEmulator = emulator.EnumerateArray().Single(c => c.GetProperty("callId").GetString() == callId);
        Assert.DoesNotContain(onEmulator.GetProperty("participants").EnumerateArray(), p => p.GetProperty("isMuted").GetBoolean());
    }

    [Fact]
    public async Task Observer_FloodOfForgedHubInvocations_RateLimited_TheExcessAuditedAsOneRowWithItsCount()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550603"));
        await using var observer = await fixture.App.ConnectHubAsync(user: OidcSignIn.Observer);
        var call = await observer.ExpectCallAsync(callId, c => c.Participants.Any(p => p.Identifier.Kind == "CommunicationUser"), "connected call with an ACS user");
        var agent = call.Participants.First(p => p.Identifier.Kind == "CommunicationUser").Identifier.RawId;

        var outcomes = new List<CallSupervisor.Contracts.CommandResultDto>();
        for (var i = 0; i < 300; i++)
        {
            outcomes.Add(await observer.MuteAsync(callId, agent));
        }

        var limited = outcomes.Where(o => o.Status == "Refused").ToList();
        Assert.All(outcomes, o => Assert.Contains(o.Status, new[] { "Forbidden", "Refused" }));
        Assert.NotEmpty(limited);
        Assert.All(limited, o => Assert.Matches(@"^Too many actions: try again in \d+ s$", o.Message));
        // Each window's refusals become one row once the window is over (10 s by default).
        var session = await fixture.App.SessionAsync(OidcSignIn.Manager);
        var rows = await Eventually.UntilAsync(
            () => ExportAsync(session, callId),
            r => r.Where(IsBurst).Sum(Refused) == limited.Count,
            "one audit row per burst of refusals",
            TimeSpan.FromSeconds(60),
            TimeSpan.FromMilliseconds(250),
            r => Task.FromResult($"{r?.Count ?? 0} rows"));
        var bursts = rows.Where(IsBurst).ToList();
        Assert.Equal(limited.Count, bursts.Sum(Refused));
        Assert.All(bursts, b => Assert.Equal(("Refused", OidcSignIn.Observer, "Observer"), (b["status"], b["actor_name"], b["actor_role"])));
        // One row per allowed attempt and one per burst, not one per attempt.
        Assert.Equal(outcomes.Count(o => o.Status == "Forbidden") + bursts.Count, rows.Count);
        Assert.InRange(bursts.Count, 1, 3);

        static bool IsBurst(Dictionary<string, string> row) => row["detail"].EndsWith("(rate limit)", StringComparison.Ordinal);

        static int Refused(Dictionary<string, string> row) =>
            int.Parse(Regex.Match(row["detail"], @"^Refused ([\d,]+) actions? \(rate limit\)$").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<Dictionary<string, string>>> ExportAsync(CookieContainer session, string callId)
    {
        using var handler = new HttpClientHandler { CookieContainer = session };
        using var http = new HttpClient(handler) { BaseAddress = fixture.BaseAddress };
        using var response = await http.GetAsync("audit/export?call=" + Uri.EscapeDataString(callId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Csv.Parse(await response.Content.ReadAsStringAsync());
    }

    // Chromium drops tabs and line breaks from URLs: "/\t/evil.example/" would be "//evil.example/", another site.
    [Theory]
    [InlineData("%2F%09%2Fevil.example%2F")]
    [InlineData("%2F%09%5Cevil.example")]
    [InlineData("%2F%0D%2Fx")]
    [InlineData("%2F%0A%2Fevil.example")]
    [InlineData("%2F%2Fevil.example")]
    public async Task SignIn_HostileReturnUrl_EndsOnTheAppsOwnDashboard_NeverAnError(string returnUrl)
    {
        await using var context = await fixture.NewContextAsync(user: null);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                lock (failures)
                {
                    failures.Add($"{response.Status} {response.Url}");
                }
            }
        };

        await page.GotoAsync("/account/sign-in?returnUrl=" + returnUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CallSupervisor (development)" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(OidcSignIn.Supervisor)) }).ClickAsync();

        var home = fixture.BaseAddress.GetLeftPart(UriPartial.Authority);
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(home) + "/$"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(OidcSignIn.Supervisor);
        lock (failures)
        {
            Assert.Empty(failures);
        }
    }

    [Fact]
    public async Task SignOut_EndsTheSession_TheNextVisitSignsInAgain()
    {
        await using var session = await PageSession.SignInThroughBrowserAsync(fixture, OidcSignIn.Supervisor);
        var page = session.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CallSupervisor (development)" })).ToBeVisibleAsync();
    }
}
