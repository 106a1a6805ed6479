using System.Net.Http.Json;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>
/// The server goes away under an open board and comes back at the same address (a deploy, a crash): the page says
/// since when it is stale while the server is gone, and once it is back, reloads itself and is live again with
/// no click.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServerRestartTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-restart-" + Guid.NewGuid().ToString("N"));

    private static readonly Dictionary<string, string> Settings = new() { ["Emulator:Simulation:Enabled"] = "false" };

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ServerRestarts_BannerWhileGone_PageReloadsAndIsLiveWhenBack()
    {
        var port = ServerProcesses.FreePort();
        var first = await AppProcess.StartAsync(_home, Settings, port: port);
        AppProcess? second = null;
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = first.BaseAddress.ToString() });
        try
        {
            var page = await context.NewPageAsync();
            // Signed in through the browser, as a supervisor does: the restart must not sign them out (the keys that
            // protect the session cookie are persisted).
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + OidcSignIn.Supervisor) }).ClickAsync();
            await Expect(page.Locator("#app-shell[data-interactive='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var connection = page.GetByTestId("connection");

            await first.DisposeAsync();

            var banner = page.Locator("#components-reconnect-modal");
            await Expect(banner).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(banner).ToContainTextAsync("stale since");
            await Expect(connection.Locator(".cs-connection-reconnecting")).ToBeVisibleAsync();

            second = await AppProcess.StartAsync(_home, Settings, port: port);
            using var emulator = new HttpClient { BaseAddress = second.EmulatorAddress };
            // The new server does not know the old circuit: the page reloads by itself and shows the new server's board.
            await Expect(connection.Locator(".cs-connection-live")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(banner).ToBeHiddenAsync();
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(OidcSignIn.Supervisor);
            var callId = await CreateCallAsync(emulator);
            await Expect(page.Locator($"a[data-call-id='{callId}']")).ToBeVisibleAsync();
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    private static async Task<string> CreateCallAsync(HttpClient emulator)
    {
        using var response = await emulator.PostAsJsonAsync("emulator/calls", LiveCallsUiTests.AcsCall("+14255550777", "Rita Restart"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("callId").GetString()!;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        return Task.CompletedTask;
    }
}
