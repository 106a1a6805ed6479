using CallSupervisor.Emulator;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallSupervisor.Load.Support;

/// <summary>Starts <see cref="BaselineServer"/> as a child process, validating the callback tokens of the given emulator.</summary>
public static class BaselineProcess
{
    public static async Task<ChildProcess> StartAsync(Workspace workspace, EmulatorHost emulator, bool broadcast)
    {
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
        var process = await ChildProcess.StartAsync(Workspace.HarnessDll, args, workspace.NewHome("baseline"), new Dictionary<string, string>());
        Console.WriteLine($"  started the baseline at {process.BaseAddress} (pid {process.ProcessId}){(broadcast ? ", broadcasting" : "")}");
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
