using System.Globalization;
using CallSupervisor.Client;
using CallSupervisor.Load.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// Callback-to-client latency under a steady load: the driver posts one roster per POST at a fixed rate; N signed-in
/// hub clients (the typed client, <see cref="CallsHubClient.BoardChanged"/>) note when each change shows on their
/// board. Baseline: N plain SignalR clients of the bare hub, which broadcasts each parsed roster at once.
/// </summary>
public sealed class HubScenario : IScenario
{
    public string Name => "hub";

    public async Task RunAsync(ScenarioContext context)
    {
        var (options, report, ct) = (context.Options, context.Report, context.Cancellation);
        var clients = options.Pick(options.Clients, 20, 3);
        var rate = options.Pick(options.Rate, 1000, 100);
        var duration = TimeSpan.FromSeconds(options.Pick(options.DurationSeconds, 10, 2));
        var calls = options.Pick(options.Calls, 1000, 50);

        await using var app = await AppUnderTest.StartAsync(context.Workspace, Name, settings: options.AppSettings);
        await using var baseline = await BaselineProcess.StartAsync(context.Workspace, app.Emulator, broadcast: true);
        IReadOnlyList<SeededCall> seeded;
        await using (var seeding = await app.ConnectHubAsync())
        {
            seeded = await Seeder.SeedAsync(app, seeding, calls, users: 1, before: 0, ct);
        }
        var appFeeds = seeded.Select(c => new RosterFeed(c)).ToArray();
        var baselineFeeds = seeded.Select(c => new RosterFeed(c)).ToArray();
        var flipped = seeded.ToDictionary(c => c.CallId, c => c.Users[0], StringComparer.Ordinal);

        LatencyTracker tracker = new(clients);
        var appClients = new List<CallsHubClient>();
        var bareClients = new List<HubConnection>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                var index = i;
                var client = await app.ConnectHubAsync();
                // On the connection's message thread: read the tracker's calls from the new board, nothing more.
                client.BoardChanged += (_, board) => Volatile.Read(ref tracker).OnBoard(index, callId =>
                    board.Calls.TryGetValue(callId, out var call)
                        ? call.Participants.FirstOrDefault(p => p.Identifier.RawId == flipped[callId])?.IsMuted
                        : null);
                appClients.Add(client);
                var bare = await BaselineProcess.ConnectAsync(baseline.BaseAddress, ct);
                bare.On<BareRoster>(BaselineServer.EventMessage, roster =>
                {
                    if (roster.Participants.FirstOrDefault(p => p.RawId == flipped[roster.CallId]) is { } user)
                    {
                        Volatile.Read(ref tracker).OnEvent(index, roster.CallId, user.IsMuted);
                    }
                });
                bareClients.Add(bare);
            }
            Console.WriteLine($"  {clients} signed-in hub clients on the app, {clients} clients on the bare hub");
            report.Note(Name, string.Create(CultureInfo.InvariantCulture,
                $"{clients} clients per side, {rate:#,0} events/s (1 per POST, paced every 5 ms) for {duration.TotalSeconds:0.#} s over {calls:#,0} calls, after a 1 s unrecorded warm-up per side; latency = board change (app) or broadcast (baseline) at the client − POST start"));

            var p50 = report.Add(Name, "latency p50", "ms", "bare hub broadcasting each parsed POST");
            var p99 = report.Add(Name, "latency p99", "ms", "bare hub broadcasting each parsed POST");
            var max = report.Add(Name, "latency max", "ms", "bare hub broadcasting each parsed POST");
            using var driver = new CallbackDriver(app.Emulator, connections: 64);
            var baselineTarget = new Uri(baseline.BaseAddress, "api/callbacks/acs");
            foreach (var (target, feeds) in new[] { (app.CallbackAddress, appFeeds), (baselineTarget, baselineFeeds) })
            {
                Volatile.Write(ref tracker, new LatencyTracker(clients));
                await Pacer.PaceAsync(driver, target, feeds, tracker, rate, TimeSpan.FromSeconds(1), ct);
            }
            for (var run = 0; run < options.Runs; run++)
            {
                foreach (var (target, feeds, isApp) in new[] { (app.CallbackAddress, appFeeds, true), (baselineTarget, baselineFeeds, false) })
                {
                    await Idle.SettleAsync(ct, (app.ProcessId, "the app"), (baseline.ProcessId, "the baseline"));
                    Volatile.Write(ref tracker, new LatencyTracker(clients));
                    var failed = await Pacer.PaceAsync(driver, target, feeds, tracker, rate, duration, ct);
                    var (latencies, missed) = tracker.Finish();
                    var side = isApp ? "app" : "baseline";
                    (isApp ? (Action<double>)p50.AddApp : p50.AddBaseline)(Stats.Percentile(latencies, 50));
                    (isApp ? (Action<double>)p99.AddApp : p99.AddBaseline)(Stats.Percentile(latencies, 99));
                    (isApp ? (Action<double>)max.AddApp : max.AddBaseline)(Stats.Max(latencies));
                    if (missed > 0 || failed > 0)
                    {
                        report.Note(Name, $"{side} round {run + 1}: {failed} POSTs not answered 200, {missed} of {tracker.Sent * clients} arrivals not seen within 10 s");
                    }
                }
            }
        }
        finally
        {
            foreach (var client in appClients)
            {
                await client.DisposeAsync();
            }
            foreach (var bare in bareClients)
            {
                await bare.DisposeAsync();
            }
        }
    }
}
