using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallSupervisor.Client;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using CallSupervisor.EndToEnd.Tests.ServiceLayer;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests.ScaleOut;

/// <summary>
/// Two instances on one Redis stream behind the YARP sample, with the emulator's simulation running: callbacks land
/// on either instance and both boards equal the emulator's truth; a session from one instance is valid on the other;
/// each call is answered once; a change whose callback reached A shows in a browser on B; a mute clicked on A shows
/// <em>Muting…</em> and then <em>Muted</em> on B, with one audit row.
/// </summary>
public sealed class TwoInstanceTests(ScaleOutCluster cluster, ITestOutputHelper output) : IClassFixture<ScaleOutCluster>
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(45);

    private static CallsHubClientOptions Session(CookieContainer cookies) => new() { AutomaticReconnect = false, ConfigureConnection = h => h.Cookies = cookies };

    [Fact]
    public async Task Callbacks_spread_over_both_instances_and_both_boards_equal_the_emulator()
    {
        // Signed in on A; the same cookie opens the hub on B (the data-protection keys are shared in Redis).
        var cookies = await OidcSignIn.SignInAsync(cluster.A.BaseAddress, OidcSignIn.Manager);
        await using var onA = await CallsHubClient.ConnectAsync(cluster.A.BaseAddress, Session(cookies));
        await using var onB = await CallsHubClient.ConnectAsync(cluster.B.BaseAddress, Session(cookies));
        // Routing runs on the leader alone: on either board, at every batch, no agent on or offered two calls and no
        // call offered twice.
        var violations = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Check(object? sender, CallBoard board)
        {
            foreach (var violation in ContactCenter.RoutingInvariantTests.Violations(board))
            {
                violations.Enqueue(violation);
            }
        }
        onA.BoardChanged += Check;
        onB.BoardChanged += Check;
        // Four ACS callers of its own beside the generated traffic, whose mix of ACS and Teams calls follows the seed.
        for (var i = 0; i < 4; i++)
        {
            using var created = await cluster.Emulator.Admin.PostAsync("emulator/calls", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        // Enough traffic first: four ACS calls the workflow answered, ended ones included (the simulation's calls are
        // short, so four live at one moment may never happen). Counting connected calls of any platform let it go on
        // before then on a slow machine: Graph calls, which the workflow never answers, connect too.
        var traffic = Stopwatch.StartNew();
        while ((await AnsweredAcsCallsAsync()).Count < 4)
        {
            Assert.True(traffic.Elapsed < Converge, "fewer than four ACS calls answered");
            await onB.NextBoardAsync(onB.Board, TimeSpan.FromSeconds(1));
        }
        // Hub 1 is A's, hub 2 B's: both equal the emulator at one moment.
        var difference = await BoardComparison.ConvergeAsync(cluster.EmulatorCallsAsync, Converge, onA, onB);
        Assert.True(difference is null, difference);

        // Callers leave the menu and are offered to agents a few seconds after the answer: wait for two offers.
        var stream = await Eventually.UntilAsync(cluster.StreamAsync, s => s.Count(IsOfferPlanned) >= 2, "two offers planned", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500), s => Task.FromResult($"{s?.Count} records"));
        var fromA = stream.Count(r => ScaleOutCluster.IsFrom(r.Origin, cluster.A));
        var fromB = stream.Count(r => ScaleOutCluster.IsFrom(r.Origin, cluster.B));
        output.WriteLine($"{stream.Count} records in the stream: {fromA} appended by A, {fromB} by B");
        Assert.True(fromA > 0 && fromB > 0, $"callbacks reached one instance only ({fromA} / {fromB})");

        // The workflow answered every call once, though either instance could receive its IncomingCall.
        var answered = await AnsweredAcsCallsAsync();
        Assert.True(answered.Count >= 4, $"only {answered.Count} calls answered");
        Assert.All(answered, c => Assert.Equal(1, c.GetProperty("answerRequests").GetInt32()));
        // Each call was routed once: every offer planned by one instance only (the leader), none doubled.
        var planned = stream.Where(IsOfferPlanned).ToList();
        output.WriteLine($"{planned.Count} offers planned, by {planned.Select(r => r.Origin).Distinct().Count()} instance(s); "
            + string.Join(", ", stream.GroupBy(r => System.Text.Json.JsonDocument.Parse(r.Event).RootElement.GetProperty("type").GetString()).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(planned.Select(r => r.Origin).Distinct().Count() <= 1, "offers were planned by both instances");
        Assert.True(violations.IsEmpty, string.Join(Environment.NewLine, violations.Take(10)));
    }

    [Fact]
    public async Task A_call_ended_through_A_shows_ended_in_a_browser_on_B()
    {
        await using var browser = await BrowserOnAsync(cluster.B, OidcSignIn.Observer);
        for (var round = 1; ; round++)
        {
            var callId = await CreateCallAsync();
            var detail = await browser.OpenCallAsync(callId);
            await Expect(detail).ToContainTextAsync("Connected");
            using (var ended = await cluster.Emulator.Admin.PostAsync($"emulator/calls/{callId}/end", null))
            {
                Assert.True(ended.IsSuccessStatusCode, $"end: {(int)ended.StatusCode}");
            }
            await Expect(detail).ToContainTextAsync("Disconnected");
            var record = (await cluster.StreamAsync()).First(r => r.Event.Contains("\"type\":\"callDisconnected\"", StringComparison.Ordinal) && r.Event.Contains(callId, StringComparison.Ordinal));
            if (ScaleOutCluster.IsFrom(record.Origin, cluster.A))
            {
                output.WriteLine($"the hang-up reached A in round {round}; B's browser showed it");
                break;
            }
            // The balancer sent this one to B itself: again, until one goes through A (round-robin: soon).
            Assert.True(round < 20, "no hang-up reached A in 20 rounds");
        }
        Assert.Empty(browser.Session.ConsoleErrors);
    }

    [Fact]
    public async Task A_mute_clicked_on_A_shows_muting_then_muted_on_B_with_one_audit_row()
    {
        var callId = await CreateCallAsync();
        await using var onA = await BrowserOnAsync(cluster.A, OidcSignIn.Supervisor);
        await using var onB = await BrowserOnAsync(cluster.B, OidcSignIn.Manager);
        var detailA = await onA.OpenCallAsync(callId);
        var detailB = await onB.OpenCallAsync(callId);
        var rowB = LiveCallsUiTests.ParticipantRow(detailB, "CommunicationUser");
        var mute = LiveCallsUiTests.ParticipantRow(detailA, "CommunicationUser").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mute ") });
        await Expect(mute).ToBeEnabledAsync();

        // ACS answers slowly for a moment, so the pending mark is seen on B before the outcome.
        await SetRestLatencyAsync(1500);
        try
        {
            await mute.ClickAsync();
            await Expect(rowB.Locator(".cs-action[data-action='Mute']")).ToContainTextAsync("Muting…");
        }
        finally
        {
            await SetRestLatencyAsync(0);
        }
        await Expect(rowB).ToContainTextAsync("Muted");

        // One audit row, confirmed, whichever instance applied the outcome first.
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = onB.Cookies }) { BaseAddress = cluster.B.BaseAddress };
        var rows = Csv.Parse(await http.GetStringAsync("audit/export")).Where(r => r["call_id"] == callId && r["action"] == "Mute").ToList();
        var row = Assert.Single(rows);
        Assert.Equal("Confirmed", row["status"]);
        Assert.Empty(onA.Session.ConsoleErrors);
        Assert.Empty(onB.Session.ConsoleErrors);
    }

    /// <summary>
    /// A measurement, not a limit: calls hung up one after another at the emulator; for each, when its
    /// CallDisconnected reached each instance's hub client, split by the instance the balancer gave the callback to.
    /// </summary>
    [Fact]
    public async Task Cross_instance_latency_is_measured()
    {
        const int Calls = 100;
        var cookies = await OidcSignIn.SignInAsync(cluster.A.BaseAddress, OidcSignIn.Manager);
        await using var onA = await CallsHubClient.ConnectAsync(cluster.A.BaseAddress, Session(cookies));
        await using var onB = await CallsHubClient.ConnectAsync(cluster.B.BaseAddress, Session(cookies));
        var ids = new List<string>();
        for (var i = 0; i < Calls; i++)
        {
            ids.Add(await CreateCallAsync());
        }
        var watched = ids.ToHashSet(StringComparer.Ordinal);
        await onA.WaitForAsync(b => watched.All(id => b.Calls.TryGetValue(id, out var c) && c.State == "Connected"), Converge);
        await onB.WaitForAsync(b => watched.All(id => b.Calls.TryGetValue(id, out var c) && c.State == "Connected"), Converge);

        var clock = Stopwatch.StartNew();
        var seenA = Watch(onA, watched, clock);
        var seenB = Watch(onB, watched, clock);
        var sent = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        // 50 hang-ups a second, paced by a clock (the posts' own time included): a busy center, not a flood that
        // measures queueing.
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        foreach (var id in ids)
        {
            await pace.WaitForNextTickAsync();
            sent[id] = clock.Elapsed;
            using var ended = await cluster.Emulator.Admin.PostAsync($"emulator/calls/{id}/end", null);
            Assert.True(ended.IsSuccessStatusCode);
        }
        await onA.WaitForAsync(b => watched.All(id => b.Calls[id].State == "Disconnected"), Converge);
        await onB.WaitForAsync(b => watched.All(id => b.Calls[id].State == "Disconnected"), Converge);

        var stream = await cluster.StreamAsync();
        var receiver = new List<double>();
        var other = new List<double>();
        foreach (var id in ids)
        {
            var record = stream.First(r => r.Event.Contains("\"type\":\"callDisconnected\"", StringComparison.Ordinal) && r.Event.Contains(id, StringComparison.Ordinal));
            var (mine, theirs) = ScaleOutCluster.IsFrom(record.Origin, cluster.A) ? (seenA, seenB) : (seenB, seenA);
            receiver.Add((mine[id] - sent[id]).TotalMilliseconds);
            other.Add((theirs[id] - sent[id]).TotalMilliseconds);
        }
        output.WriteLine($"{Calls} hang-ups, emulator → hub client on the instance that took the callback: p50 {Percentile(receiver, 50):0.0} ms, p99 {Percentile(receiver, 99):0.0} ms");
        output.WriteLine($"{Calls} hang-ups, emulator → hub client on the other instance:               p50 {Percentile(other, 50):0.0} ms, p99 {Percentile(other, 99):0.0} ms");
        var extra = receiver.Zip(other, (r, o) => o - r).ToList();
        output.WriteLine($"the other instance's extra (Redis stream hop): p50 {Percentile(extra, 50):0.0} ms, p99 {Percentile(extra, 99):0.0} ms");
        Assert.Equal(Calls, other.Count);
    }

    /// <summary>The emulator's ACS calls the app asked to answer (once or more).</summary>
    private static bool IsOfferPlanned((string Origin, string Event) record) =>
        record.Event.Contains("\"type\":\"offerPlanned\"", StringComparison.Ordinal);

    private async Task<List<JsonElement>> AnsweredAcsCallsAsync() =>
        (await cluster.EmulatorCallsAsync()).EnumerateArray()
            .Where(c => c.GetProperty("platform").GetString() == "acs" && c.GetProperty("answerRequests").GetInt32() > 0).ToList();

    private static Dictionary<string, TimeSpan> Watch(CallsHubClient hub, HashSet<string> calls, Stopwatch clock)
    {
        var seen = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        hub.BoardChanged += (_, board) =>
        {
            var now = clock.Elapsed;
            lock (seen)
            {
                foreach (var id in calls)
                {
                    if (!seen.ContainsKey(id) && board.Calls.TryGetValue(id, out var call) && call.State == "Disconnected")
                    {
                        seen[id] = now;
                    }
                }
            }
        };
        return seen;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private async Task<string> CreateCallAsync()
    {
        using var response = await cluster.Emulator.Admin.PostAsJsonAsync("emulator/calls", LiveCallsUiTests.AcsCall("+14255550" + Random.Shared.Next(100, 999)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"scenario failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("callId").GetString()!;
    }

    private async Task SetRestLatencyAsync(int milliseconds)
    {
        using var response = milliseconds == 0
            ? await cluster.Emulator.Admin.DeleteAsync("emulator/faults")
            : await cluster.Emulator.Admin.PostAsJsonAsync("emulator/faults", new { restLatencyMs = milliseconds });
        Assert.True(response.IsSuccessStatusCode, $"faults: {(int)response.StatusCode}");
    }

    private static async Task<InstanceBrowser> BrowserOnAsync(AppProcess app, string user) =>
        await InstanceBrowser.OpenAsync(app.BaseAddress, user);
}
