using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CallSupervisor.Client;
using CallSupervisor.Contracts;
using CallSupervisor.Load.Support;
using Microsoft.AspNetCore.Http.Connections;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// What a new hub client waits for and receives: connect (negotiate, WebSocket, SignalR handshake) until the first
/// part of the snapshot is on its board (the totals and the first live calls) and until the whole snapshot is, and
/// the WebSocket payload bytes received by each (handshake answer + snapshot parts). The app
/// with N calls (~5 participants each) against the same app with 100 calls; both apps run side by side and are
/// measured alternately, each with a session signed in beforehand.
/// </summary>
public sealed class SnapshotScenario : IScenario
{
    public string Name => "snapshot";

    public async Task RunAsync(ScenarioContext context)
    {
        var (options, report, ct) = (context.Options, context.Report, context.Cancellation);
        var large = options.Pick(options.Calls, 10_000, 50);
        var small = options.Smoke ? 10 : 100;
        const int Users = 4;

        var starting = new[] { AppUnderTest.StartAsync(context.Workspace, $"snapshot-{large}", settings: options.AppSettings), AppUnderTest.StartAsync(context.Workspace, $"snapshot-{small}", settings: options.AppSettings) };
        await Task.WhenAll(starting.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        await using var big = await starting[0];
        await using var little = await starting[1];
        // Seeded one after the other: seeding is CPU-bound on both sides of the two cores.
        foreach (var (app, count) in new[] { (big, large), (little, small) })
        {
            await using var hub = await app.ConnectHubAsync();
            await Seeder.SeedAsync(app, hub, count, Users, before: 0, ct);
        }
        var sessions = new Dictionary<AppUnderTest, CookieContainer> { [big] = await big.SignInAsync(), [little] = await little.SignInAsync() };
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"app: {large:#,0} calls, baseline: the same app with {small:#,0} calls; {1 + Users} participants per call (a phone caller and {Users} ACS users), media running, the agent invitation declined; one unrecorded connect per app first; bytes = WebSocket payload received until the snapshot is applied (frame headers and the negotiate request excluded)"));

        // Each protocol the hub speaks: JSON (browsers, scripts, the default) and MessagePack (CallsHubClientOptions.Protocol).
        foreach (var protocol in new[] { CallsHubProtocol.Json, CallsHubProtocol.MessagePack })
        {
            var suffix = protocol == CallsHubProtocol.Json ? "" : ", MessagePack";
            var time = report.Add(Name, "connect to the snapshot's first part" + suffix, "ms", $"app with {small:#,0} calls");
            var size = report.Add(Name, "first part on the wire" + suffix, "KB", $"app with {small:#,0} calls");
            var wholeTime = report.Add(Name, "connect to the whole snapshot" + suffix, "ms", $"app with {small:#,0} calls");
            var wholeSize = report.Add(Name, "whole snapshot on the wire" + suffix, "KB", $"app with {small:#,0} calls");
            foreach (var app in new[] { big, little })
            {
                await MeasureAsync(app, sessions[app], protocol, report, crossCheck: app == big && protocol == CallsHubProtocol.Json);
            }
            for (var run = 0; run < options.Runs; run++)
            {
                foreach (var (app, isApp) in new[] { (big, true), (little, false) })
                {
                    await Idle.SettleAsync(ct, (big.ProcessId, "the large app"), (little.ProcessId, "the small app"));
                    var measured = await MeasureAsync(app, sessions[app], protocol, report, crossCheck: false);
                    foreach (var (figure, value) in new[] { (time, measured.FirstMs), (size, measured.FirstBytes / 1024.0), (wholeTime, measured.WholeMs), (wholeSize, measured.WholeBytes / 1024.0) })
                    {
                        (isApp ? (Action<double>)figure.AddApp : figure.AddBaseline)(value);
                    }
                }
            }
        }
    }

    private static async Task<(double FirstMs, long FirstBytes, double WholeMs, long WholeBytes)> MeasureAsync(
        AppUnderTest app, CookieContainer session, CallsHubProtocol protocol, Report report, bool crossCheck)
    {
        CountingWebSocket? socket = null;
        var clock = Stopwatch.StartNew();
        await using var hub = await app.ConnectHubAsync(session, http =>
        {
            http.Transports = HttpTransportType.WebSockets;
            http.WebSocketFactory = (context, token) => CountingWebSocket.ConnectAsync(context, s => socket = s, token);
        }, wholeSnapshot: false, protocol);
        var first = clock.Elapsed.TotalMilliseconds;
        var firstBytes = socket?.Received ?? throw new InvalidOperationException("The hub client did not use the counting WebSocket.");
        await hub.WaitForAsync(b => b.SnapshotsApplied > 0, TimeSpan.FromMinutes(2));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var bytes = socket.Received;
        if (protocol == CallsHubProtocol.MessagePack && socket.BinaryReceived < bytes / 2)
        {
            throw new InvalidOperationException($"A MessagePack connection received {socket.BinaryReceived:#,0} of {bytes:#,0} bytes in binary frames: the protocol was not used.");
        }
        if (crossCheck)
        {
            // The same board serialized with the hub's JSON settings (web defaults): agrees with the wire count if
            // nothing but the snapshot (and the 3-byte handshake answer) arrived.
            var board = hub.Board;
            var json = JsonSerializer.SerializeToUtf8Bytes(
                new CallsSnapshotDto(board.Version, board.Counts, [.. board.Calls.Values]), new JsonSerializerOptions(JsonSerializerDefaults.Web));
            report.Note("snapshot", string.Create(CultureInfo.InvariantCulture,
                $"cross-check at {board.Calls.Count:#,0} calls: {bytes:#,0} B on the wire, {json.Length:#,0} B when the received board is serialized again"));
        }
        return (first, firstBytes, elapsed, bytes);
    }
}
