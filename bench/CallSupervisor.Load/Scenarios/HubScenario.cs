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
        var (report, ct) = (context.Report, context.Cancellation);
        await using var load = await SteadyLoad.StartAsync(context, Name, smokeClients: 3);
        var (clients, app, baseline) = (load.Clients, load.App, load.Baseline);
        var flipped = load.Seeded.ToDictionary(c => c.CallId, c => c.Users[0], StringComparer.Ordinal);

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
                $"{clients} clients per side, {load.Rate:#,0} events/s (1 per POST, paced every 5 ms) for {load.Duration.TotalSeconds:0.#} s over {load.Calls:#,0} calls, after a 1 s unrecorded warm-up per side; latency = board change (app) or broadcast (baseline) at the client − POST start"));
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
}
