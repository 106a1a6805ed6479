using CallSupervisor.Load.Scenarios;

namespace CallSupervisor.Load.Support;

/// <summary>
/// What the latency scenarios (<c>hub</c>, <c>dom</c>) share: their sizes, the app and a broadcasting baseline that
/// know the same seeded calls, and the rounds — one roster change per POST at a steady rate, app and baseline in turn,
/// each measured by a fresh <see cref="LatencyTracker"/> into p50, p99 and max.
/// </summary>
public sealed class SteadyLoad : IAsyncDisposable
{
    private SteadyLoad(int clients, int rate, TimeSpan duration, int calls, AppUnderTest app, ChildProcess baseline, IReadOnlyList<SeededCall> seeded) =>
        (Clients, Rate, Duration, Calls, App, Baseline, Seeded) = (clients, rate, duration, calls, app, baseline, seeded);

    public int Clients { get; }

    public int Rate { get; }

    public TimeSpan Duration { get; }

    public int Calls { get; }

    public AppUnderTest App { get; }

    public ChildProcess Baseline { get; }

    public IReadOnlyList<SeededCall> Seeded { get; }

    private RosterFeed[] AppFeeds => field ??= [.. Seeded.Select(c => new RosterFeed(c))];

    private RosterFeed[] BaselineFeeds => field ??= [.. Seeded.Select(c => new RosterFeed(c))];

    /// <summary>20 clients, 1,000 events/s for 10 s over 1,000 calls by default; <paramref name="smokeClients"/>, 100/s for 2 s over 50 under <c>--smoke</c>.</summary>
    public static async Task<SteadyLoad> StartAsync(ScenarioContext context, string name, int smokeClients)
    {
        var options = context.Options;
        var clients = options.Pick(options.Clients, 20, smokeClients);
        var rate = options.Pick(options.Rate, 1000, 100);
        var duration = TimeSpan.FromSeconds(options.Pick(options.DurationSeconds, 10, 2));
        var calls = options.Pick(options.Calls, 1000, 50);
        var app = await AppUnderTest.StartAsync(context.Workspace, name, settings: options.AppSettings);
        ChildProcess? baseline = null;
        try
        {
            baseline = await BaselineProcess.StartAsync(context.Workspace, app.Emulator, broadcast: true);
            await using var seeding = await app.ConnectHubAsync();
            var seeded = await Seeder.SeedAsync(app, seeding, calls, users: 1, before: 0, context.Cancellation);
            return new SteadyLoad(clients, rate, duration, calls, app, baseline, seeded);
        }
        catch
        {
            if (baseline is not null)
            {
                await baseline.DisposeAsync();
            }
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A 1 s unrecorded warm-up per side, then <c>--runs</c> × (app round, baseline round), both servers idle first.
    /// <paramref name="newTracker"/> makes and installs the tracker the clients report to; <paramref name="beforeRound"/>
    /// and <paramref name="afterRound"/> (with whether the round was the app's) add a scenario's own figures;
    /// <paramref name="kind"/> names the clients in the figures' names (e.g. " (JS clients)") when a scenario has several.
    /// </summary>
    public async Task RunRoundsAsync(
        ScenarioContext context, string name, string baselineName, string arrivals, Func<LatencyTracker> newTracker,
        Func<bool, Task>? beforeRound = null, Func<bool, Task>? afterRound = null, string kind = "")
    {
        var (report, ct) = (context.Report, context.Cancellation);
        var p50 = report.Add(name, "latency p50" + kind, "ms", baselineName);
        var p99 = report.Add(name, "latency p99" + kind, "ms", baselineName);
        var max = report.Add(name, "latency max" + kind, "ms", baselineName);
        // The feeds live as long as the servers: a second call (another client kind) goes on raising each call's
        // sequence number, or the app would ignore its rosters as older than the ones it has.
        var (appFeeds, baselineFeeds) = (AppFeeds, BaselineFeeds);
        using var driver = new CallbackDriver(App.Emulator, connections: 64);
        var sides = new[] { (App.CallbackAddress, appFeeds, true), (new Uri(Baseline.BaseAddress, "api/callbacks/acs"), baselineFeeds, false) };
        foreach (var (target, feeds, _) in sides)
        {
            await Pacer.PaceAsync(driver, target, feeds, newTracker(), Rate, TimeSpan.FromSeconds(1), ct);
        }
        for (var run = 0; run < context.Options.Runs; run++)
        {
            foreach (var (target, feeds, isApp) in sides)
            {
                await Idle.SettleAsync(ct, (App.ProcessId, "the app"), (Baseline.ProcessId, "the baseline"));
                var tracker = newTracker();
                if (beforeRound is not null)
                {
                    await beforeRound(isApp);
                }
                var failed = await Pacer.PaceAsync(driver, target, feeds, tracker, Rate, Duration, ct);
                var (latencies, missed) = tracker.Finish();
                (isApp ? (Action<double>)p50.AddApp : p50.AddBaseline)(Stats.Percentile(latencies, 50));
                (isApp ? (Action<double>)p99.AddApp : p99.AddBaseline)(Stats.Percentile(latencies, 99));
                (isApp ? (Action<double>)max.AddApp : max.AddBaseline)(Stats.Max(latencies));
                if (afterRound is not null)
                {
                    await afterRound(isApp);
                }
                if (missed > 0 || failed > 0)
                {
                    report.Note(name, $"{(isApp ? "app" : "baseline")} round {run + 1}{kind}: {failed} POSTs not answered 200, {missed} of {tracker.Sent * Clients} {arrivals} not seen within 10 s");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Baseline.DisposeAsync();
        await App.DisposeAsync();
    }
}
