using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CallSupervisor.Testing;

/// <summary>
/// What the ASP.NET Core child processes of the end-to-end tests (the app, the balancer) and of the load harness (the
/// app, the baseline) have in common. Linked into both from tests/Shared.
/// </summary>
internal static partial class ServerProcesses
{
    /// <summary>The address in a Kestrel "Now listening on" line (with a trailing slash), or null for any other line.</summary>
    public static Uri? ListeningAddress(string line)
    {
        var match = ListeningLine().Match(line);
        return match.Success ? new Uri(match.Groups[1].Value.TrimEnd('/') + "/") : null;
    }

    /// <summary>Kills the process with its children by PID, waits for it (15 s at most) and disposes the handle.</summary>
    public static async Task KillAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Never started, already gone, or slow to die after the kill: dispose the handle either way.
        }
        process.Dispose();
    }

    /// <summary>A loopback port free right now, for a server that must be known (or restarted) at one address.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Now listening on:\s*(http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
