using System.Net;
using CallSupervisor.Client;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using CallSupervisor.EndToEnd.Tests.ServiceLayer;
using Microsoft.Playwright;
using static CallSupervisor.EndToEnd.Tests.LiveCallsUiTests;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// The audit trail end to end: a supervisor's three actions and an Observer's forged one recorded with their
/// outcomes, shown on the Audit page, downloaded as CSV and parsed; the page and the export only for Auditors; and
/// every row kept across a restart of the app.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditTrailTests(BrowserFixture fixture)
{
    private static CallsHubClientOptions Once => new() { AutomaticReconnect = false };

    // The audit writer flushes in the background: read until the condition holds.
    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read, Func<T, bool> holds, string what, int seconds = 30)
        where T : class =>
        (await Eventually.UntilAsync<T?>(read, v => v is not null && holds(v), what, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(200)))!;

    private static async Task<List<Dictionary<string, string>>> ExportAsync(Uri app, CookieContainer session, string callId)
    {
        using var handler = new HttpClientHandler { CookieContainer = session };
        using var http = new HttpClient(handler) { BaseAddress = app };
        using var response = await http.GetAsync("audit/export?call=" + Uri.EscapeDataString(callId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return Csv.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Actions_RecordedWithOutcomes_OnTheAuditPage_AndTheDownloadedCsvParses()
    {
        var callId = await fixture.App.CreateCallAsync(AcsCall("+14255550701", "Audra Audit"));
        await using var manager = await fixture.App.ConnectHubAsync(Once, OidcSignIn.Manager);
        await using var observer = await fixture.App.ConnectHubAsync(Once, OidcSignIn.Observer);
        var call = await manager.ExpectCallAsync(callId, c => c.Participants.Any(p => p.Identifier.Kind == "CommunicationUser")
            && c.Invitations.Any(i => i.Status == "Pending") && c.MediaOperations.Count > 0, "a call with an ACS user, a ringing invitation and media");
        var agent = call.Participants.First(p => p.Identifier.Kind == "CommunicationUser").Identifier.RawId;

        Assert.Equal("Forbidden", (await observer.MuteAsync(callId, agent)).Status);
        Assert.Equal("Accepted", (await manager.MuteAsync(callId, agent)).Status);
        Assert.Equal("Accepted", (await manager.CancelInvitationAsync(callId, call.Invitations.First(i => i.Status == "Pending").InvitationId)).Status);
        Assert.Equal("Accepted", (await manager.CancelMediaAsync(callId)).Status);

        var session = await fixture.App.SessionAsync(OidcSignIn.Manager);
        var rows = await EventuallyAsync(async () => await ExportAsync(fixture.BaseAddress, session, callId),
            r => r.Count == 4 && r.Count(x => x["status"] == "Confirmed") == 3, "three confirmed actions and one refusal in the export");
        var refused = Assert.Single(rows, r => r["status"] == "Refused");
        Assert.Equal((OidcSignIn.Observer, "Observer", "Mute"), (refused["actor_name"], refused["actor_role"], refused["action"]));
        Assert.All(rows.Where(r => r["status"] == "Confirmed"), r =>
        {
            Assert.Equal((OidcSignIn.Manager, "Supervisor"), (r["actor_name"], r["actor_role"]));
            Assert.StartsWith("supervisor-", r["audit_id"], StringComparison.Ordinal);
            Assert.NotEqual("", r["accepted_at"]);
            Assert.NotEqual("", r["settled_at"]);
        });
        Assert.Equal(["CancelInvitation", "CancelMedia", "Mute"], rows.Where(r => r["status"] == "Confirmed").Select(r => r["action"]).Order());

        // The page shows the same, filtered by the call; its download is the same CSV.
        await using var page = await PageSession.OpenAsync(fixture, "/audit?call=" + Uri.EscapeDataString(callId), 1440, 900, user: OidcSignIn.Manager);
        var table = page.Page.GetByRole(AriaRole.Table, new() { Name = "Audited supervisor actions, newest first" });
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(table.Locator("tbody tr[data-status='Confirmed']")).ToHaveCountAsync(3);
        await Expect(table.Locator("tbody tr[data-status='Refused']")).ToContainTextAsync(OidcSignIn.Observer);
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var downloaded = Csv.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.Equal(rows.Select(r => r["audit_id"]).Order(), downloaded.Select(r => r["audit_id"]).Order());
        await page.ScreenshotAsync("audit-1440-light");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task AuditTrail_OnlyForAuditors_PageAndExport()
    {
        // The no-access page is static (nothing live for someone who may not see it).
        await using var observer = await fixture.NewContextAsync(user: OidcSignIn.Observer);
        var denied = await observer.NewPageAsync();
        await denied.GotoAsync("/audit");
        await Expect(denied.GetByRole(AriaRole.Heading, new() { Name = "No access" })).ToBeVisibleAsync();
        await Expect(denied.Locator("main")).ToContainTextAsync(OidcSignIn.Observer);

        using var observerHttp = new HttpClient(new HttpClientHandler { CookieContainer = await fixture.App.SessionAsync(OidcSignIn.Observer), AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };
        using var anonymousHttp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };
        using var forbidden = await observerHttp.GetAsync("audit/export");
        using var anonymous = await anonymousHttp.GetAsync("audit/export");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        await using var auditor = await PageSession.OpenAsync(fixture, "/audit", user: OidcSignIn.Auditor);
        await Expect(auditor.Page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail" })).ToBeVisibleAsync();
        await auditor.Page.GetByRole(AriaRole.Button, new() { Name = "Navigation menu" }).ClickAsync();
        await Expect(auditor.Page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Restart_KeepsEveryAuditRow()
    {
        var home = Path.Combine(Path.GetTempPath(), "callsupervisor-audit-restart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        var settings = new Dictionary<string, string> { ["Emulator:Simulation:Enabled"] = "false" };
        try
        {
            string callId;
            string auditId;
            await using (var first = await AppProcess.StartAsync(home, settings))
            {
                using var emulator = new HttpClient { BaseAddress = first.EmulatorAddress };
                callId = await CreateCallAsync(emulator);
                var cookies = await OidcSignIn.SignInAsync(first.BaseAddress, OidcSignIn.Manager);
                await using var hub = await CallsHubClient.ConnectAsync(first.BaseAddress, new CallsHubClientOptions { AutomaticReconnect = false, ConfigureConnection = h => h.Cookies = cookies });
                var call = await hub.ExpectCallAsync(callId, c => c.Participants.Any(p => p.Identifier.Kind == "CommunicationUser"), "connected call");
                var outcome = await hub.MuteAsync(callId, call.Participants.First(p => p.Identifier.Kind == "CommunicationUser").Identifier.RawId);
                auditId = outcome.AuditId ?? throw new InvalidOperationException("no audit id: " + outcome);
                await EventuallyAsync(async () => await ExportAsync(first.BaseAddress, cookies, callId), r => r.Any(x => x["status"] == "Confirmed"), "the confirmed mute in the audit trail");
            }

            await using var second = await AppProcess.StartAsync(home, settings);
            var auditor = await OidcSignIn.SignInAsync(second.BaseAddress, OidcSignIn.Auditor);
            var kept = Assert.Single(await ExportAsync(second.BaseAddress, auditor, callId));
            Assert.Equal((auditId, "Confirmed", OidcSignIn.Manager), (kept["audit_id"], kept["status"], kept["actor_name"]));
        }
        finally
        {
            try
            {
                Directory.Delete(home, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static async Task<string> CreateCallAsync(HttpClient emulator)
    {
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(emulator, "emulator/calls", AcsCall("+14255550702"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("callId").GetString()!;
    }
}
