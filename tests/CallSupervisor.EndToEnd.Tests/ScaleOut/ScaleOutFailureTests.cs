using System.Diagnostics;
using System.Net;
using CallSupervisor.Client;
using CallSupervisor.EndToEnd.Tests.ServiceLayer;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests.ScaleOut;

/// <summary>
/// Failures of a two-instance deployment while the simulation runs: an instance killed (SIGKILL), and Redis stopped
/// and started again. Reconciliation is slowed to ten minutes, so a board that comes back equal to the emulator's
/// truth got there through the callbacks themselves: none was acknowledged and then lost.
/// </summary>
public sealed class ScaleOutFailureTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> CallbacksOnly = new() { ["Calls:ReconcileInterval"] = "00:10:00" };

    private static CallsHubClientOptions Session(CookieContainer cookies) => new() { AutomaticReconnect = false, ConfigureConnection = h => h.Cookies = cookies };

    [Fact]
    public async Task Killing_an_instance_loses_nothing_its_callbacks_are_retried_to_the_other()
    {
        // Busier than the other tests, so callbacks are in flight to A when it dies.
        await using var cluster = new ScaleOutCluster { Overrides = CallbacksOnly, ConcurrentCalls = 16 };
        await cluster.InitializeAsync();
        var cookies = await OidcSignIn.SignInAsync(cluster.B.BaseAddress, OidcSignIn.Manager);
        await using var onB = await CallsHubClient.ConnectAsync(cluster.B.BaseAddress, Session(cookies));
        await onB.WaitForAsync(b => b.Calls.Values.Count(c => c.State == "Connected") >= 8, Converge);
        var fromBBefore = (await cluster.StreamAsync()).Count(r => ScaleOutCluster.IsFrom(r.Origin, cluster.B));

        // SIGKILL mid-traffic: whatever A had not acknowledged, the emulator retries, and the balancer sends it to B.
        var atKill = onB.Board.Calls.Keys.ToHashSet(StringComparer.Ordinal);
        await cluster.A.DisposeAsync();
        var clock = Stopwatch.StartNew();
        var difference = await BoardComparison.ConvergeAsync(cluster.EmulatorCallsAsync, Converge, onB);
        output.WriteLine($"B's board equal to the emulator {clock.Elapsed.TotalSeconds:0.0} s after A was killed");
        Assert.True(difference is null, difference);

        // New calls keep being answered (by B alone now), each once: two that were not on the board at the kill are
        // connected (A may have answered one just before it died).
        await onB.WaitForAsync(b => b.Calls.Values.Count(c => !atKill.Contains(c.CallId) && c.State == "Connected") >= 2, Converge);
        var fromBAfter = (await cluster.StreamAsync()).Count(r => ScaleOutCluster.IsFrom(r.Origin, cluster.B));
        output.WriteLine($"B appended {fromBAfter - fromBBefore} records after the kill");
        var truth = await cluster.EmulatorCallsAsync();
        Assert.All(truth.EnumerateArray().Where(c => c.GetProperty("platform").GetString() == "acs" && c.GetProperty("answerRequests").GetInt32() > 0),
            c => Assert.Equal(1, c.GetProperty("answerRequests").GetInt32()));
        clock.Restart();
        Assert.Null(await BoardComparison.ConvergeAsync(cluster.EmulatorCallsAsync, Converge, onB));
        output.WriteLine($"…and again after new calls, {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Redis_stopped_and_started_again_shows_degraded_and_loses_no_acknowledged_event()
    {
        await using var cluster = new ScaleOutCluster { Overrides = CallbacksOnly };
        await cluster.InitializeAsync();
        var cookies = await OidcSignIn.SignInAsync(cluster.A.BaseAddress, OidcSignIn.Manager);
        await using var onA = await CallsHubClient.ConnectAsync(cluster.A.BaseAddress, Session(cookies));
        await using var onB = await CallsHubClient.ConnectAsync(cluster.B.BaseAddress, Session(cookies));
        await using var browser = await InstanceBrowser.OpenAsync(cluster.B.BaseAddress, OidcSignIn.Supervisor);
        var busy = await onB.WaitForAsync(b => b.Calls.Values.Count(c => c.State == "Connected") >= 4, Converge);
        // B's readiness, read when B's own banner says the log is down or back: the same status answers both.
        using var http = new HttpClient { BaseAddress = cluster.B.BaseAddress };

        await cluster.Redis.StopAsync();
        var down = Stopwatch.StartNew();
        var degraded = browser.Session.Page.GetByTestId("degraded");
        await Expect(degraded).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(degraded).ToContainTextAsync("Redis stream");
        await browser.Session.ScreenshotAsync("degraded-1366-light");
        await browser.Session.Page.SetViewportSizeAsync(390, 844);
        await Expect(degraded).ToBeVisibleAsync();
        await browser.Session.ScreenshotAsync("degraded-390-light");
        await browser.Session.Page.SetViewportSizeAsync(1366, 820);
        using (var unready = await http.GetAsync("health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
        }

        // An action now is refused with a reason (nothing sent that other instances could not show).
        var target = busy.Calls.Values.FirstOrDefault(c => c.State == "Connected" && c.AcsUser() is { IsMuted: false });
        if (target is not null)
        {
            var refused = await onA.MuteAsync(target.CallId, target.AcsUser()!.Identifier.RawId);
            Assert.NotEqual("Accepted", refused.Status);
            Assert.Contains("event log is unavailable", refused.Message, StringComparison.Ordinal);
        }
        // The board stays readable meanwhile: the circuit and the hub are this instance's own, not Redis's.
        await Expect(browser.Session.Connection("live")).ToBeVisibleAsync();
        Assert.True(onB.Board.Calls.Count >= 4);

        var outage = Stopwatch.StartNew();
        await cluster.Redis.StartAgainAsync();
        output.WriteLine($"Redis was down {down.Elapsed.TotalSeconds:0.0} s");
        await Expect(degraded).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        output.WriteLine($"degraded banner gone {outage.Elapsed.TotalSeconds:0.0} s after Redis was back");
        using (var ready = await http.GetAsync("health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        // Callbacks refused during the outage were retried by the emulator; both boards come back to its truth.
        var clock = Stopwatch.StartNew();
        Assert.Null(await BoardComparison.ConvergeAsync(cluster.EmulatorCallsAsync, Converge, onA, onB));
        output.WriteLine($"both boards equal to the emulator {clock.Elapsed.TotalSeconds:0.0} s after the banner cleared");
        Assert.Empty(browser.Session.ConsoleErrors);
    }
}
