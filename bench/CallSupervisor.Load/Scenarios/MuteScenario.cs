using System.Diagnostics;
using System.Globalization;
using CallSupervisor.Emulator;
using CallSupervisor.Load.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// A supervisor's mute end to end: <c>Execute("Mute", …)</c> on the hub (role check, audit row, pending mark through the
/// event log, the ACS REST request) until the board shows the participant muted (the emulator's ParticipantsUpdated
/// after its event delay, through the log and the store's batch). Each repetition mutes a fresh call: ACS has no
/// server-side unmute. Baseline: a hub round trip that does nothing (the bare hub's Ping; the app's hub has no such method).
/// </summary>
public sealed class MuteScenario : IScenario
{
    public string Name => "mute";

    public async Task RunAsync(ScenarioContext context)
    {
        var (options, report, ct) = (context.Options, context.Report, context.Cancellation);
        var reps = options.Pick(options.Reps, 30, 3);
        TimeSpan? eventDelay = options.EventDelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

        await using var app = await AppUnderTest.StartAsync(context.Workspace, Name, eventDelay, options.AppSettings);
        await using var baseline = await BaselineProcess.StartAsync(context.Workspace, app.Emulator, broadcast: false);
        await using var hub = await app.ConnectHubAsync();
        var calls = await Seeder.SeedAsync(app, hub, (options.Runs * reps) + 1, users: 1, before: 0, ct);
        await using var bare = await BaselineProcess.ConnectAsync(baseline.BaseAddress, ct);
        var delay = eventDelay ?? new SimulationOptions().EventDelay;
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"{reps} mutes per round, each on a fresh call with one unmuted ACS user; the emulator posts the muted roster {delay.TotalMilliseconds:0} ms after the mute request (Emulator:Simulation:EventDelay; --event-delay-ms changes it), which the figure includes; the app's batch window is 100 ms"));

        var accepted = report.Add(Name, "MuteAsync answered (Accepted)", "ms p50", "bare hub Ping round trip");
        var shown = report.Add(Name, "mute until the board shows it muted", "ms p50", "bare hub Ping round trip");
        var next = 0;
        // Warm-up: one mute, a few pings.
        await MuteAsync(hub, calls[next++], ct);
        for (var i = 0; i < 5; i++)
        {
            await bare.InvokeAsync<int>(nameof(BareHub.Ping), ct);
        }
        for (var run = 0; run < options.Runs; run++)
        {
            await Idle.SettleAsync(ct, (app.ProcessId, "the app"), (baseline.ProcessId, "the baseline"));
            var answered = new List<double>();
            var visible = new List<double>();
            for (var i = 0; i < reps; i++)
            {
                var (a, v) = await MuteAsync(hub, calls[next++], ct);
                answered.Add(a);
                visible.Add(v);
            }
            accepted.AddApp(Stats.Median(answered));
            shown.AddApp(Stats.Median(visible));
            await Idle.SettleAsync(ct, (app.ProcessId, "the app"), (baseline.ProcessId, "the baseline"));
            var pings = new List<double>();
            for (var i = 0; i < reps; i++)
            {
                var clock = Stopwatch.StartNew();
                await bare.InvokeAsync<int>(nameof(BareHub.Ping), ct);
                pings.Add(clock.Elapsed.TotalMilliseconds);
            }
            accepted.AddBaseline(Stats.Median(pings));
            shown.AddBaseline(Stats.Median(pings));
        }
    }

    private static async Task<(double Answered, double Shown)> MuteAsync(CallSupervisor.Client.CallsHubClient hub, SeededCall call, CancellationToken ct)
    {
        var user = call.Users[0];
        var clock = Stopwatch.StartNew();
        var result = await hub.ExecuteAsync("Mute", call.CallId, user, cancellationToken: ct);
        var answered = clock.Elapsed.TotalMilliseconds;
        if (result.Status != "Accepted")
        {
            throw new InvalidOperationException($"Mute on {call.CallId} was not accepted: {result.Status} {result.Message} {result.ErrorCode}");
        }
        await hub.WaitForCallAsync(call.CallId, c => c.Participants.Any(p => p.Identifier.RawId == user && p.IsMuted), TimeSpan.FromSeconds(30), ct);
        return (answered, clock.Elapsed.TotalMilliseconds);
    }
}
