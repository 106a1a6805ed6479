using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CallSupervisor.Client;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using CallSupervisor.EndToEnd.Tests.ServiceLayer;
using Xunit.Abstractions;

namespace CallSupervisor.EndToEnd.Tests.Durability;

/// <summary>
/// The app killed (SIGKILL) mid-simulation and started again on its embedded event log, while the emulator — standing
/// for ACS — keeps running and retries the callbacks it could not deliver: the board comes back equal to the
/// emulator's truth (calls, rosters, ringing invitations, running media), with its activity and audit rows.
/// </summary>
public sealed partial class RestartRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-recovery-" + Guid.NewGuid().ToString("N"));

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

    private static CallsHubClientOptions Session(CookieContainer cookies) => new() { AutomaticReconnect = false, ConfigureConnection = h => h.Cookies = cookies };

    // The activity page as rendered for the user, newest first.
    private static async Task<List<string>> ActivityAsync(Uri app, CookieContainer cookies)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app };
        var html = await http.GetStringAsync("activity");
        return [.. ActivityText().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value.Trim()))];
    }

    [GeneratedRegex("<span class=\"cs-activity-text\"[^>]*>(?<text>[^<]*)</span>")]
    private static partial Regex ActivityText();

    [Fact]
    public async Task Killed_MidSimulation_BoardActivityAndAuditComeBack()
    {
        await using var emulator = await ExternalEmulator.StartAsync(simulation: true, concurrentCalls: 8);
        var port = ServerProcesses.FreePort();
        var app = new Uri($"http://127.0.0.1:{port}/");
        emulator.Attach(app);
        var settings = emulator.AppSettings(app);
        settings["Calls:ReconcileInterval"] = "00:00:03";
        settings["Calls:MaintenanceInterval"] = "00:00:01";

        string muted;
        List<string> activityBefore;
        var first = await AppProcess.StartAsync(_home, settings, waitForEmulator: false, port: port);
        try
        {
            var cookies = await OidcSignIn.SignInAsync(app, OidcSignIn.Manager);
            await using var hub = await CallsHubClient.ConnectAsync(app, Session(cookies));
            var busy = await hub.WaitForAsync(b => b.Calls.Values.Count(c => c.State == "Connected") >= 4
                && b.Calls.Values.Any(c => c.Invitations.Any(i => i.Status == "Pending"))
                && b.Calls.Values.Sum(c => c.MediaOperations.Count(m => m.Status == "Running")) >= 2
                && b.Calls.Values.Any(c => c.State == "Connected" && c.AcsUser() is { IsMuted: false }), TimeSpan.FromSeconds(60));
            var target = busy.Calls.Values.First(c => c.State == "Connected" && c.AcsUser() is { IsMuted: false });
            muted = (await hub.MuteAsync(target.CallId, target.AcsUser()!.Identifier.RawId)).AuditId!;
            await hub.WaitForCallAsync(target.CallId, c => c.AcsUser() is { IsMuted: true } || c.State != "Connected", TimeSpan.FromSeconds(20));
            activityBefore = await ActivityAsync(app, cookies);
        }
        finally
        {
            // SIGKILL: no shutdown, no last checkpoint.
            await first.DisposeAsync();
        }

        var restart = Stopwatch.StartNew();
        await using var second = await AppProcess.StartAsync(_home, settings, waitForEmulator: false, port: port);
        var started = restart.Elapsed;
        var manager = await OidcSignIn.SignInAsync(app, OidcSignIn.Manager);
        await using var after = await CallsHubClient.ConnectAsync(app, Session(manager));
        var restoredCalls = after.Board.Calls.Count;
        var difference = await BoardComparison.ConvergeAsync(() => EmulatorCallsAsync(emulator), TimeSpan.FromSeconds(60) - restart.Elapsed, after);
        output.WriteLine($"process up after {started.TotalSeconds:0.0} s; {restoredCalls} calls on the first snapshot; board equal to the emulator after {restart.Elapsed.TotalSeconds:0.0} s");
        Assert.Null(difference);

        // Activity and audit survived the kill.
        // The newest entries from before the kill are still listed (newer ones, from after the restart, come on top
        // and push only the oldest of the 200 kept out of view).
        var activityAfter = await ActivityAsync(app, manager);
        Assert.NotEmpty(activityBefore);
        Assert.All(activityBefore.Take(50), entry => Assert.Contains(entry, activityAfter));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = manager }) { BaseAddress = app };
        var audit = Csv.Parse(await http.GetStringAsync("audit/export"));
        Assert.Contains(audit, r => r["audit_id"] == muted && r["status"] is "Confirmed" or "CallEnded" or "LostRace");
    }

    [RecoveryMeasurement]
    public async Task Restart_with_a_thousand_live_calls_is_measured()
    {
        const int Calls = 1000;
        await using var emulator = await ExternalEmulator.StartAsync(simulation: false);
        var port = ServerProcesses.FreePort();
        var app = new Uri($"http://127.0.0.1:{port}/");
        emulator.Attach(app);
        var settings = emulator.AppSettings(app);
        // Each call: a caller, an agent being invited (rings until cancelled) and media running for ten minutes.
        var scenario = new
        {
            platform = "acs",
            participants = new[] { new { kind = "communicationUser", joinAfterSeconds = 0 } },
            invitationBehavior = "ringForever",
            mediaDurationSeconds = 3600,
        };

        var first = await AppProcess.StartAsync(_home, settings, waitForEmulator: false, port: port);
        try
        {
            var cookies = await OidcSignIn.SignInAsync(app, OidcSignIn.Manager);
            await using var hub = await CallsHubClient.ConnectAsync(app, Session(cookies));
            var opening = Stopwatch.StartNew();
            await Parallel.ForAsync(0, Calls, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
            {
                using var response = await emulator.Admin.PostAsync("emulator/calls", System.Net.Http.Json.JsonContent.Create(scenario), ct);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            });
            await hub.WaitForAsync(b => b.Calls.Values.Count(c => c.State == "Connected" && c.MediaOperations.Any(m => m.Status == "Running")) >= Calls, TimeSpan.FromMinutes(3));
            output.WriteLine($"{Calls} calls connected with media running after {opening.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            await first.DisposeAsync();
        }

        var restart = Stopwatch.StartNew();
        await using var second = await AppProcess.StartAsync(_home, settings, waitForEmulator: false, port: port);
        var up = restart.Elapsed;
        var manager = await OidcSignIn.SignInAsync(app, OidcSignIn.Manager);
        await using var after = await CallsHubClient.ConnectAsync(app, Session(manager));
        var snapshot = restart.Elapsed;
        var onFirstSnapshot = after.Board.Calls.Values.Count(c => c.State == "Connected");
        var difference = await BoardComparison.ConvergeAsync(() => EmulatorCallsAsync(emulator), TimeSpan.FromMinutes(3) - restart.Elapsed, after);
        output.WriteLine($"restart with {Calls} live calls: process listening after {up.TotalSeconds:0.00} s, first hub snapshot ({onFirstSnapshot} connected calls) "
            + $"after {snapshot.TotalSeconds:0.00} s, board equal to the emulator after {restart.Elapsed.TotalSeconds:0.00} s");
        var logFile = new FileInfo(Path.Combine(_home, "journal.db"));
        output.WriteLine($"event log file {logFile.Length / 1024} KiB");
        Assert.Null(difference);
    }

    private static async Task<System.Text.Json.JsonElement> EmulatorCallsAsync(ExternalEmulator emulator) =>
        System.Text.Json.JsonDocument.Parse(await emulator.Admin.GetStringAsync("emulator/calls")).RootElement.GetProperty("calls").Clone();
}
