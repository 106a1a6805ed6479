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
/// board. Baseline: N plain SignalR clients of the bare hub, which broadcasts each parsed roster at once. With
/// <c>--wire</c> the app's clients are plain SignalR connections too, which only parse each push (no board merge), so
/// the server's part can be told from the typed client's.
/// </summary>
public sealed class HubScenario : IScenario
{
    public string Name => "hub";

    public async Task RunAsync(ScenarioContext context)
    {
        var (report, ct) = (context.Report, context.Cancellation);
        await using var load = await SteadyLoad.StartAsync(context, Name, smokeClients: 3);
        var (clients, app, baseline) = (load.Clients, load.App, load.Baseline);
        var flipped = load.Seeded.ToDictionary(c => c.CallId, c => c.Users[0], StringComparer.Ordinal);

        LatencyTracker tracker = new(clients);
        var appClients = new List<IAsyncDisposable>();
        var bareClients = new List<HubConnection>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                var index = i;
                appClients.Add(context.Options.Wire
                    ? await ConnectWireAsync(app, batch => Volatile.Read(ref tracker).OnBoard(index, callId =>
                        batch.Changed.FirstOrDefault(c => c.CallId == callId)?.Participants.FirstOrDefault(p => p.Identifier.RawId == flipped[callId])?.IsMuted))
                    : await ConnectTypedAsync(app, board => Volatile.Read(ref tracker).OnBoard(index, callId =>
                        board.Calls.TryGetValue(callId, out var call)
                            ? call.Participants.FirstOrDefault(p => p.Identifier.RawId == flipped[callId])?.IsMuted
                            : null)));
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
                $"{clients} clients per side ({(context.Options.Wire ? "app: plain SignalR connections parsing each push" : "app: the typed client")}), {load.Rate:#,0} events/s (1 per POST, paced every 5 ms) for {load.Duration.TotalSeconds:0.#} s over {load.Calls:#,0} calls, after a 1 s unrecorded warm-up per side; latency = board change (app) or broadcast (baseline) at the client − POST start"));
            await load.RunRoundsAsync(context, Name, "bare hub broadcasting each parsed POST", "arrivals", () =>
            {
                Volatile.Write(ref tracker, new LatencyTracker(clients));
                return tracker;
            });
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

    // On the connection's message thread: read the tracker's calls from the new board, nothing more.
    private static async Task<IAsyncDisposable> ConnectTypedAsync(AppUnderTest app, Action<CallBoard> onBoard)
    {
        var client = await app.ConnectHubAsync();
        client.BoardChanged += (_, board) => onBoard(board);
        return client;
    }

    private static async Task<IAsyncDisposable> ConnectWireAsync(AppUnderTest app, Action<CallsChangedDto> onBatch)
    {
        var session = await app.SignInAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, CallsHubContract.Path.TrimStart('/')), http => http.Cookies = session)
            .AddJsonProtocol(json => json.PayloadSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web))
            .Build();
        connection.On<CallsSnapshotDto>(CallsHubContract.SnapshotMessage, _ => { });
        connection.On(CallsHubContract.ChangedMessage, onBatch);
        await connection.StartAsync();
        return connection;
    }
}
