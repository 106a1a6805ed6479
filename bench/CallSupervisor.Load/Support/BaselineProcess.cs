using CallSupervisor.Emulator;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallSupervisor.Load.Support;

/// <summary>Starts <see cref="BaselineServer"/> as a child process, validating the callback tokens of the given emulator.</summary>
public static class BaselineProcess
{
    // durable: the baseline appends each accepted callback to its own SQLite event log (the app's writer) before answering.
    public static async Task<ChildProcess> StartAsync(Workspace workspace, EmulatorHost emulator, bool broadcast, bool durable = false)
    {
        var home = workspace.NewHome("baseline");
        List<string> args =
        [
            BaselineServer.Mode,
            "--issuer", emulator.Issuer,
            "--audience", emulator.ResourceId,
            "--metadata", emulator.OpenIdMetadataAddress.ToString(),
            // 0: the OS picks, unless --ports gave a range.
            "--port", (PortRange.Range is null ? 0 : PortRange.FreePort()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        if (broadcast)
        {
            args.Add("--broadcast");
        }
        if (durable)
        {
            args.AddRange(["--journal", Path.Combine(home, "journal.db")]);
        }
        var process = await ChildProcess.StartAsync(Workspace.HarnessDll, args, home, new Dictionary<string, string>());
        Console.WriteLine($"  started the baseline at {process.BaseAddress} (pid {process.ProcessId}){(broadcast ? ", broadcasting" : "")}{(durable ? ", appending to its own event log" : "")}");
        return process;
    }

    /// <summary>A plain SignalR client of the bare hub.</summary>
    public static async Task<HubConnection> ConnectAsync(Uri baseline, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(baseline, BaselineServer.HubPath.TrimStart('/'))).Build();
        await connection.StartAsync(ct);
        return connection;
    }
}
