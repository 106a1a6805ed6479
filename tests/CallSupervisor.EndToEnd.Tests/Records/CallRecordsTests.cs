using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CallSupervisor.Client;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CallSupervisor.EndToEnd.Tests.Records;

/// <summary>
/// Real calls through the emulator (ACS for the app), hung up by the caller: each ended call is in <c>calls.csv</c> once, and after the
/// app is killed and started again on the same data the report still has each of them once.
/// </summary>
public sealed class CallRecordsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-records-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        return Task.CompletedTask;
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

    // Yesterday to tomorrow (UTC, the figures' zone here): the test's calls, whenever it runs.
    private static string Report
    {
        get
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            return $"api/reports/calls.csv?from={today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        }
    }

    private static async Task<List<string>> ReportedCallsAsync(Uri app, CookieContainer cookies)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app };
        return [.. Csv.Parse((await http.GetStringAsync(Report)).TrimStart('\uFEFF')).Select(r => r["call_id"])];
    }

    [Fact]
    public async Task CallsReport_CallsEndedThenTheAppRestarts_ListsEachCallOnce()
    {
        await using var emulator = await ExternalEmulator.StartAsync(simulation: false);
        var port = ServerProcesses.FreePort();
        var app = new Uri($"http://127.0.0.1:{port}/");
        emulator.Attach(app);
        var settings = emulator.AppSettings(app);

        HashSet<string> ended;
        List<string> before;
        var first = await AppProcess.StartAsync(_home, settings, waitForEmulator: false, port: port);
        try
        {
            var cookies = await OidcSignIn.SignInAsync(app, OidcSignIn.Manager);
            await using var hub = await CallsHubClient.ConnectAsync(app, new CallsHubClientOptions { AutomaticReconnect = false, ConfigureConnection = h => h.Cookies = cookies });
            ended = [];
            for (var i = 0; i < 3; i++)
            {
                using var created = await emulator.Admin.PostAsJsonAsync("emulator/calls", LiveCallsUiTests.AcsCall($"+1425555071{i}"));
                var callId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("callId").GetString()!;
                await hub.WaitForCallAsync(callId, c => c.State == "Connected", TimeSpan.FromSeconds(30));
                using var end = await emulator.Admin.PostAsync($"emulator/calls/{Uri.EscapeDataString(callId)}/end", null);
                Assert.True(end.IsSuccessStatusCode, $"ending {callId}: {end.StatusCode}");
                ended.Add(callId);
            }
            before = await Eventually.UntilAsync(() => ReportedCallsAsync(app, cookies), ids => ended.IsSubsetOf(ids), "the ended calls in calls.csv",
                describe: ids => Task.FromResult($"{string.Join(", ", ids ?? [])} (ended: {string.Join(", ", ended)})"));
            Assert.Equal(before.Count, before.Distinct().Count());
        }
        finally
        {
            // SIGKILL: no shutdown; the calls it had recorded, and those it had not yet, must be there once after the restart.
            await first.DisposeAsync();
        }

        await using var second = await AppProcess.StartAsync(_home, settings, waitForEmulator: false, port: port);
        var manager = await OidcSignIn.SignInAsync(app, OidcSignIn.Manager);
        var after = await Eventually.UntilAsync(() => ReportedCallsAsync(app, manager), ids => ids.Count >= before.Count, "the report after the restart");
        output.WriteLine($"{ended.Count} ended calls seen; {before.Count} rows before the restart, {after.Count} after");
        Assert.Equal(after.Count, after.Distinct().Count());
        Assert.Subset(after.ToHashSet(), before.ToHashSet());
    }
}
