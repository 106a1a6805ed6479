using System.Diagnostics;
using System.Globalization;
using CallSupervisor.Client;
using CallSupervisor.Load.Support;
using Microsoft.Playwright;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// Does the app give its memory back after a load? The app's resident set (RSS) once started and idle, then once
/// seeded and idle (the figure the goal is against); under the hub
/// scenario's load (<c>--rate</c> 1,000 events/s, one per POST, over <c>--calls</c> 1,000 calls, for <c>--duration</c>
/// 30 s) with <c>--clients</c> 20 signed-in hub clients and 5 live calls pages (Blazor circuits) in Chromium, its peak
/// (sampled every 250 ms); then, with every client gone and every page closed, every <c>--sample</c> 10 s for two
/// minutes. The figure is the RSS two minutes after the load ÷ the RSS before it (goal ≤ 1.3). At the end one full GC
/// is induced (<see cref="Heap"/>) for what is reachable then, and the RSS after it. <c>--runs</c> repeats load and
/// rest on the same app. No baseline process: the app is compared with itself.
/// </summary>
public sealed class MemoryScenario : IScenario
{
    public const double Goal = 1.3;

    public string Name => "memory";

    public async Task RunAsync(ScenarioContext context)
    {
        var (options, report, ct) = (context.Options, context.Report, context.Cancellation);
        var calls = options.Pick(options.Calls, 1000, 50);
        var clients = options.Pick(options.Clients, 20, 2);
        var pages = options.Smoke ? 1 : 5;
        var rate = options.Pick(options.Rate, 1000, 100);
        var duration = TimeSpan.FromSeconds(options.Pick(options.DurationSeconds, 30, 3));
        var rest = TimeSpan.FromSeconds(options.Smoke ? 20 : 120);
        var every = TimeSpan.FromSeconds(options.SampleSeconds ?? (options.Smoke ? 5 : 10));

        await using var app = await AppUnderTest.StartAsync(context.Workspace, Name, settings: MemorySettings(options));
        await Idle.WaitAsync(app.ProcessId, "the app", quiet: 4, TimeSpan.FromMinutes(1), ct);
        var empty = Heap.ResidentMb(app.ProcessId);
        IReadOnlyList<SeededCall> seeded;
        await using (var seeding = await app.ConnectHubAsync())
        {
            seeded = await Seeder.SeedAsync(app, seeding, calls, users: 1, before: 0, ct);
        }
        var flipped = seeded.ToDictionary(c => c.CallId, c => c.Users[0], StringComparer.Ordinal);
        var feeds = seeded.Select(c => new RosterFeed(c)).ToArray();
        using var driver = new CallbackDriver(app.Emulator, connections: 64);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, context.Workspace.NewHome("chromium"));
        var session = await app.SignInAsync();
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"{calls:#,0} calls; load: {rate:#,0} events/s (1 per POST) for {duration.TotalSeconds:0} s with {clients} hub clients and {pages} live calls pages; then all closed and the RSS read every {every.TotalSeconds:0} s for {rest.TotalSeconds:0} s; goal: RSS {rest.TotalSeconds:0} s after ≤ {Goal} × before"));
        if (options.AppSettings.Count > 0)
        {
            report.Note(Name, "app settings: " + string.Join(", ", options.AppSettings.Select(s => $"{s.Key}={s.Value}")));
        }

        report.Add(Name, "RSS started, no call yet (idle)", "MB", "–").AddApp(empty);
        var before = report.Add(Name, "RSS before the load (seeded, idle)", "MB", "–");
        var peak = report.Add(Name, "RSS peak under the load", "MB", "–");
        var oneMinute = report.Add(Name, "RSS 60 s after the load", "MB", "–");
        var after = report.Add(Name, $"RSS {rest.TotalSeconds:0} s after the load", "MB", "–");
        var ratio = report.Add(Name, $"RSS {rest.TotalSeconds:0} s after ÷ before (goal ≤ {Goal})", "×", "–");
        var ratioEmpty = report.Add(Name, $"RSS {rest.TotalSeconds:0} s after ÷ started, no call", "×", "–");
        for (var run = 0; run < options.Runs; run++)
        {
            await Idle.WaitAsync(app.ProcessId, "the app", quiet: 4, TimeSpan.FromMinutes(1), ct);
            var start = Heap.ResidentMb(app.ProcessId);
            before.AddApp(start);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {run + 1}: RSS before the load {start:0.0} MB"));

            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var highest = SampleHighestAsync(app.ProcessId, sampling.Token);
            var tracker = new LatencyTracker(clients);
            var hubClients = new List<CallsHubClient>();
            var contexts = new List<IBrowserContext>();
            try
            {
                for (var i = 0; i < clients; i++)
                {
                    var index = i;
                    var client = await app.ConnectHubAsync();
                    client.BoardChanged += (_, board) => Volatile.Read(ref tracker).OnBoard(index, callId =>
                        board.Calls.TryGetValue(callId, out var call) ? call.Participants.FirstOrDefault(p => p.Identifier.RawId == flipped[callId])?.IsMuted : null);
                    hubClients.Add(client);
                }
                for (var i = 0; i < pages; i++)
                {
                    contexts.Add(await OpenLivePageAsync(browser, app.BaseAddress, session));
                }
                try
                {
                    var failed = await Pacer.PaceAsync(driver, app.CallbackAddress, feeds, tracker, rate, duration, ct);
                    var (_, missed) = tracker.Finish();
                    if (failed > 0 || missed > 0)
                    {
                        report.Note(Name, $"round {run + 1}: {failed} POSTs not answered 200, {missed} hub arrivals not seen within 10 s");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    // The load happened, the app was busy: what it gives back afterwards is still the figure.
                    report.Note(Name, $"round {run + 1}: a POST failed ({e.GetType().Name}: {e.Message}); the load was cut short there");
                }
            }
            finally
            {
                // Every client gone, every page closed: what the app holds from here on is what it keeps.
                foreach (var client in hubClients)
                {
                    await client.DisposeAsync();
                }
                foreach (var page in contexts)
                {
                    await page.DisposeAsync();
                }
                await sampling.CancelAsync();
            }
            peak.AddApp(await highest);

            var clock = Stopwatch.StartNew();
            Console.WriteLine("  | s after the load | RSS (MB) | ÷ before |");
            Console.WriteLine("  | ---: | ---: | ---: |");
            double last = 0;
            while (true)
            {
                last = Heap.ResidentMb(app.ProcessId);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  | {clock.Elapsed.TotalSeconds:0} | {last:0.0} | {last / start:0.00} |"));
                if (Math.Abs(clock.Elapsed.TotalSeconds - 60) < every.TotalSeconds / 2)
                {
                    oneMinute.AddApp(last);
                }
                if (clock.Elapsed >= rest)
                {
                    break;
                }
                // Pacing the samples: the app is left alone in between, as it would be after a busy hour.
                await Task.Delay(every, ct);
            }
            after.AddApp(last);
            ratio.AddApp(last / start);
            ratioEmpty.AddApp(last / empty);
        }

        // Only at the end: an induced collection changes what the collector keeps afterwards.
        var heap = await Heap.CollectAsync(app.ProcessId, ct);
        report.Add(Name, "reachable after the rest (induced full GC)", "MB", "–").AddApp(heap.ReachableMb);
        report.Add(Name, "managed heap after that GC", "MB", "–").AddApp(heap.HeapMb);
        report.Add(Name, "RSS after that GC", "MB", "–").AddApp(heap.ResidentMb);
    }

    /// <summary>
    /// The scenario's settings over the harness's: the app's TMPDIR is the harness's own, where the runtime opens the
    /// diagnostics socket <see cref="Heap"/> connects to (each child's TMPDIR is otherwise its private folder).
    /// </summary>
    public static Dictionary<string, string> MemorySettings(LoadOptions options) =>
        new(options.AppSettings) { ["TMPDIR"] = Path.GetTempPath().TrimEnd('/') };

    /// <summary>A signed-in live calls page in its own context, once its circuit is up and a grid row is drawn.</summary>
    public static async Task<IBrowserContext> OpenLivePageAsync(IBrowser browser, Uri site, System.Net.CookieContainer session)
    {
        var context = await Chromium.NewContextAsync(browser, site, session);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.ToString(), new PageGotoOptions { Timeout = 120_000 });
        await page.WaitForFunctionAsync(
            "() => document.querySelector(\"#app-shell[data-interactive='true']\") && document.querySelector('.cs-grid tbody tr a[data-call-id]')",
            null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 50 });
        return context;
    }

    // The highest RSS seen until cancelled (every 250 ms: a sampling rate, not a wait for a condition).
    private static async Task<double> SampleHighestAsync(int processId, CancellationToken ct)
    {
        double highest = 0;
        try
        {
            while (true)
            {
                highest = Math.Max(highest, Heap.ResidentMb(processId));
                await Task.Delay(250, ct);
            }
        }
        catch (OperationCanceledException)
        {
            return Math.Max(highest, Heap.ResidentMb(processId));
        }
    }
}
