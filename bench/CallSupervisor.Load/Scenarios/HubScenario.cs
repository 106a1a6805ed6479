using System.Globalization;
using System.Text.Json;
using CallSupervisor.Client;
using CallSupervisor.Contracts;
using CallSupervisor.Load.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// Callback-to-client latency under a steady load: the driver posts one roster per POST at a fixed rate; N signed-in
/// hub clients (the typed client, <see cref="CallsHubClient.BoardChanged"/>) note when each change shows on their
/// board; then N JS clients (<c>@microsoft/signalr</c> under Node, offering permessage-deflate as browsers do), each
/// kind measured in its own rounds. Baseline: N plain SignalR clients of the same kind on the bare hub, which broadcasts
/// each parsed roster at once (accepting deflate for the JS clients when the app did). With
/// <c>--wire</c> the app's clients are plain SignalR connections too, which only parse each push (no board merge), so
/// the server's part can be told from the typed client's.
/// </summary>
public sealed class HubScenario : IScenario
{
    public string Name => "hub";

    public async Task RunAsync(ScenarioContext context)
    {
        await using var load = await SteadyLoad.StartAsync(context, Name, smokeClients: 3);
        var flipped = load.Seeded.ToDictionary(c => c.CallId, c => c.Users[0], StringComparer.Ordinal);
        // With --slow-link, every client reaches either server through a link of its own (a proxy per server).
        await using var appLink = context.Options.SlowLink is { } link ? SlowLink.Start(load.App.BaseAddress, link.Megabits, TimeSpan.FromMilliseconds(link.RoundTripMs)) : null;
        await using var bareLink = context.Options.SlowLink is { } link2 ? SlowLink.Start(load.Baseline.BaseAddress, link2.Megabits, TimeSpan.FromMilliseconds(link2.RoundTripMs)) : null;
        var via = (App: appLink?.Address ?? load.App.BaseAddress, Bare: bareLink?.Address ?? load.Baseline.BaseAddress);
        if (context.Options.SlowLink is { } given)
        {
            context.Report.Note(Name, string.Create(CultureInfo.InvariantCulture, $"every client on a slow link of its own: {given.Megabits} Mbit/s each way, {given.RoundTripMs} ms round trip (a proxy in the harness)"));
        }
        await RunDotNetAsync(context, load, flipped, via);
        if (JsHubClients.Installed)
        {
            await RunJsAsync(context, load, flipped, via);
        }
        else
        {
            context.Report.Note(Name, $"JS clients not measured: run `npm ci` in {JsHubClients.Folder}");
        }
    }

    // The .NET client (JSON protocol): it never offers permessage-deflate.
    private async Task RunDotNetAsync(ScenarioContext context, SteadyLoad load, Dictionary<string, string> flipped, (Uri App, Uri Bare) via)
    {
        var (report, ct) = (context.Report, context.Cancellation);
        var (clients, app) = (load.Clients, load.App);
        LatencyTracker tracker = new(clients);
        var appClients = new List<IAsyncDisposable>();
        var bareClients = new List<HubConnection>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                var index = i;
                appClients.Add(context.Options.Wire
                    ? await ConnectWireAsync(app, via.App, batch => Volatile.Read(ref tracker).OnBoard(index, callId =>
                        batch.Changed.FirstOrDefault(c => c.CallId == callId)?.Participants.FirstOrDefault(p => p.Identifier.RawId == flipped[callId])?.IsMuted))
                    : await ConnectTypedAsync(app, via.App, board => Volatile.Read(ref tracker).OnBoard(index, callId =>
                        board.Calls.TryGetValue(callId, out var call)
                            ? call.Participants.FirstOrDefault(p => p.Identifier.RawId == flipped[callId])?.IsMuted
                            : null)));
                var bare = await BaselineProcess.ConnectAsync(via.Bare, ct);
                bare.On<BareRoster>(BaselineServer.EventMessage, roster =>
                {
                    if (roster.Participants.FirstOrDefault(p => p.RawId == flipped[roster.CallId]) is { } user)
                    {
                        Volatile.Read(ref tracker).OnEvent(index, roster.CallId, user.IsMuted);
                    }
                });
                bareClients.Add(bare);
            }
            Console.WriteLine($"  {clients} signed-in .NET hub clients on the app, {clients} on the bare hub");
            report.Note(Name, string.Create(CultureInfo.InvariantCulture,
                $"{clients} clients per side and client kind ({(context.Options.Wire ? ".NET app clients: plain SignalR connections parsing each push" : ".NET app clients: the typed client, JSON")}; .NET clients offer no WebSocket compression), {load.Rate:#,0} events/s (1 per POST, paced every 5 ms) for {load.Duration.TotalSeconds:0.#} s over {load.Calls:#,0} calls, after a 1 s unrecorded warm-up per side; latency = board change (app) or broadcast (baseline) at the client − POST start"));
            await load.RunRoundsAsync(context, Name, "bare hub broadcasting each parsed POST", "arrivals", () =>
            {
                Volatile.Write(ref tracker, new LatencyTracker(clients));
                return tracker;
            }, kind: " (.NET clients)");
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

    // @microsoft/signalr under Node: it offers permessage-deflate, as browsers do. The bare hub's JS clients connect to
    // its deflating path when the app accepted deflate, so both sides compress or neither does.
    private async Task RunJsAsync(ScenarioContext context, SteadyLoad load, Dictionary<string, string> flipped, (Uri App, Uri Bare) via)
    {
        var (report, ct) = (context.Report, context.Cancellation);
        var (clients, app) = (load.Clients, load.App);
        LatencyTracker tracker = new(clients);
        var cookies = new List<string>();
        for (var i = 0; i < clients; i++)
        {
            cookies.Add((await app.SignInAsync()).GetCookieHeader(app.BaseAddress));
        }
        void OnArrival(int client, string callId, bool muted, long at) => Volatile.Read(ref tracker).OnEvent(client, callId, muted, at);
        await using var appJs = await JsHubClients.StartAsync(context.Workspace, new Uri(via.App, CallsHubContract.Path.TrimStart('/')), app: true, clients, cookies, flipped, OnArrival, ct);
        var appDeflates = appJs.Extensions.Any(e => e.Contains("permessage-deflate", StringComparison.Ordinal));
        var barePath = appDeflates ? BaselineServer.DeflateHubPath : BaselineServer.HubPath;
        await using var bareJs = await JsHubClients.StartAsync(context.Workspace, new Uri(via.Bare, barePath.TrimStart('/')), app: false, clients, null, flipped, OnArrival, ct);
        Console.WriteLine($"  {clients} signed-in JS hub clients on the app, {clients} on the bare hub ({barePath})");
        report.Note(Name, $"JS clients (@microsoft/signalr under Node {NodeVersion()}, its ws WebSocket offering permessage-deflate; client_max_window_bits): Sec-WebSocket-Extensions answered by the app: {Distinct(appJs.Extensions)}; by the bare hub ({barePath}): {Distinct(bareJs.Extensions)}");
        await load.RunRoundsAsync(context, Name, "bare hub broadcasting each parsed POST", "arrivals", () =>
        {
            Volatile.Write(ref tracker, new LatencyTracker(clients));
            return tracker;
        }, kind: " (JS clients)");
    }

    private static string Distinct(IEnumerable<string> extensions) => string.Join(", ", extensions.Distinct().Select(e => e == "-" ? "none" : e));

    private static string NodeVersion()
    {
        try
        {
            using var node = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", "--version") { RedirectStandardOutput = true });
            var version = node!.StandardOutput.ReadToEnd().Trim();
            node.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    // On the connection's message thread: read the tracker's calls from the new board, nothing more.
    private static async Task<IAsyncDisposable> ConnectTypedAsync(AppUnderTest app, Uri via, Action<CallBoard> onBoard)
    {
        var client = await app.ConnectHubAsync(via: via);
        client.BoardChanged += (_, board) => onBoard(board);
        return client;
    }

    private static async Task<IAsyncDisposable> ConnectWireAsync(AppUnderTest app, Uri via, Action<CallsChangedDto> onBatch)
    {
        var session = await app.SignInAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(via, CallsHubContract.Path.TrimStart('/')), http => http.Cookies = session)
            .AddJsonProtocol(json => json.PayloadSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web))
            .Build();
        connection.On<CallsSnapshotDto>(CallsHubContract.SnapshotMessage, _ => { });
        connection.On(CallsHubContract.ChangedMessage, onBatch);
        await connection.StartAsync();
        return connection;
    }
}
