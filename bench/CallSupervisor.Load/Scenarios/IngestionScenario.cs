using System.Diagnostics;
using System.Globalization;
using CallSupervisor.Load.Support;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// Callback throughput: K connections post ParticipantsUpdated as fast as they are answered, for a fixed time after
/// a warm-up; the figure is events acknowledged (200) per second. The app acknowledges only once an event is in its
/// event log (SQLite event log); the baseline once it is authenticated, parsed and appended with the same writer to
/// an event log of its own (the same durable work without the app's middleware, store and replica).
/// </summary>
public sealed class IngestionScenario : IScenario
{
    public string Name => "ingestion";

    public async Task RunAsync(ScenarioContext context)
    {
        var (options, report, ct) = (context.Options, context.Report, context.Cancellation);
        var calls = options.Pick(options.Calls, 1000, 20);
        var connections = options.Pick(options.Connections, 16, 2);
        var duration = TimeSpan.FromSeconds(options.Pick(options.DurationSeconds, 5, 1));
        var warmup = TimeSpan.FromSeconds(options.Pick(options.WarmupSeconds, 1, 0.5));

        await using var app = await AppUnderTest.StartAsync(context.Workspace, Name, settings: options.AppSettings);
        await using var baseline = await BaselineProcess.StartAsync(context.Workspace, app.Emulator, broadcast: false, durable: true);
        IReadOnlyList<SeededCall> seeded;
        await using (var hub = await app.ConnectHubAsync())
        {
            seeded = await Seeder.SeedAsync(app, hub, calls, users: 1, before: 0, ct);
        }
        // No hub client stays connected during the rounds: this measures ingestion, not fan-out.
        // Separate feeds per side: the baseline's rounds must not flip what the app's next round sends, so every event
        // the app gets is a real change of its board.
        var feeds = seeded.Select(c => new RosterFeed(c)).ToArray();
        var baselineFeeds = seeded.Select(c => new RosterFeed(c)).ToArray();
        var session = await app.SignInAsync();
        using var driver = new CallbackDriver(app.Emulator, connections);
        var baselineTarget = new Uri(baseline.BaseAddress, "api/callbacks/acs");
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"{calls:#,0} seeded calls, {connections} HTTP/1.1 connections, {warmup.TotalSeconds:0.#} s warm-up + {duration.TotalSeconds:0.#} s measured per round; counted: answers 200"));

        foreach (var perPost in new[] { 1, 10 })
        {
            var figure = report.Add(Name, $"{perPost} event{(perPost == 1 ? "" : "s")}/POST", "events/s", "bare Kestrel: same JWT validation + parser + SQLite group-commit append, 200");
            var drain = report.Add(Name, $"{perPost} event{(perPost == 1 ? "" : "s")}/POST: last events on the board after the round", "s", "–");
            for (var run = 0; run < options.Runs; run++)
            {
                await Idle.SettleAsync(ct, (app.ProcessId, "the app"), (baseline.ProcessId, "the baseline"));
                var (rate, refused) = await MeasureAsync(driver, app.CallbackAddress, feeds, connections, perPost, warmup, duration, ct);
                figure.AddApp(rate);
                NoteRefused(report, "app", refused);
                // Acknowledged is not yet applied: wait until the board shows every call's last roster, so the app is
                // idle again before the baseline's round (and this says how far behind its store was).
                drain.AddApp(await DrainAsync(app, session, feeds, ct));
                await Idle.SettleAsync(ct, (app.ProcessId, "the app"), (baseline.ProcessId, "the baseline"));
                (rate, refused) = await MeasureAsync(driver, baselineTarget, baselineFeeds, connections, perPost, warmup, duration, ct);
                figure.AddBaseline(rate);
                NoteRefused(report, "baseline", refused);
            }
        }
    }

    private static void NoteRefused(Report report, string side, IReadOnlyDictionary<int, int> refused)
    {
        if (refused.Count > 0)
        {
            report.Note("ingestion", $"{side} answered other than 200: " + string.Join(", ", refused.Select(r => $"{r.Value} × {(r.Key == 0 ? "no answer" : r.Key.ToString(CultureInfo.InvariantCulture))}")));
        }
    }

    private static async Task<(double Rate, IReadOnlyDictionary<int, int> Refused)> MeasureAsync(
        CallbackDriver driver, Uri target, RosterFeed[] feeds, int connections, int perPost, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = warmup;
        var end = warmup + duration;
        var acknowledged = 0L;
        var refused = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        // Worker w alone drives the calls i % K == w, so each call's sequence numbers go out in order.
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var mine = feeds.Where((_, i) => i % connections == w).ToArray();
            var next = 0;
            while (Stopwatch.GetElapsedTime(start) < end && mine.Length > 0)
            {
                var events = new string[perPost];
                var sent = new (RosterFeed Feed, bool Muted)[perPost];
                for (var e = 0; e < perPost; e++)
                {
                    var feed = mine[next++ % mine.Length];
                    (events[e], var muted) = feed.Next();
                    sent[e] = (feed, muted);
                }
                var status = await driver.PostAsync(target, RosterFeed.Array(events), ct);
                if (status == 200)
                {
                    foreach (var (feed, muted) in sent)
                    {
                        feed.Acknowledge(muted);
                    }
                }
                var at = Stopwatch.GetElapsedTime(start);
                if (at < measureFrom || at > end)
                {
                    continue;
                }
                if (status == 200)
                {
                    Interlocked.Add(ref acknowledged, perPost);
                }
                else
                {
                    refused.AddOrUpdate(status, perPost, (_, n) => n + perPost);
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        return (acknowledged / duration.TotalSeconds, refused);
    }

    private static async Task<double> DrainAsync(AppUnderTest app, System.Net.CookieContainer session, RosterFeed[] feeds, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var last = feeds.Where(f => f.AcknowledgedMuted is not null).ToDictionary(f => f.Call.CallId, f => (f.FlippedUser, LastMuted: f.AcknowledgedMuted!.Value));
        await using var hub = await app.ConnectHubAsync(session);
        await hub.WaitForAsync(board => last.All(l => board.Calls.TryGetValue(l.Key, out var call)
            && call.Participants.Any(p => p.Identifier.RawId == l.Value.FlippedUser && p.IsMuted == l.Value.LastMuted)), TimeSpan.FromMinutes(3), ct);
        return clock.Elapsed.TotalSeconds;
    }
}
