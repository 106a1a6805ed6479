using System.Net;
using System.Net.Sockets;

namespace CallSupervisor.Load.Support;

/// <summary>
/// Where the harness's listeners take their ports (<c>--ports 41000-41999</c>): the app, its emulator, the baseline and
/// any proxy. Without a range the OS picks (port 0 or a free port), as before. A port is handed out once per run and
/// only when it could be bound just now; the listener binds it moments later.
/// </summary>
public static class PortRange
{
    private static readonly Lock Gate = new();
    private static int _cursor;

    /// <summary>The range given, inclusive; null when none was.</summary>
    public static (int First, int Last)? Range { get; set; }

    public static bool Contains(int port) => Range is not { } range || (port >= range.First && port <= range.Last);

    /// <summary>A free loopback port: from the range when one was given, else one the OS picks.</summary>
    public static int FreePort()
    {
        if (Range is not { } range)
        {
            return ServerProcesses.FreePort();
        }
        lock (Gate)
        {
            var size = range.Last - range.First + 1;
            for (var tried = 0; tried < size; tried++)
            {
                var port = range.First + (_cursor++ % size);
                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // Taken: the next one.
                }
            }
        }
        throw new InvalidOperationException($"No free port left in {range.First}-{range.Last}.");
    }

    /// <summary>Parses <c>FIRST-LAST</c> (1024–65535, first ≤ last); null when it is not that.</summary>
    public static (int First, int Last)? Parse(string text)
    {
        var parts = text.Split('-', 2);
        return parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last)
            && first >= 1024 && last <= 65535 && first <= last
            ? (first, last)
            : null;
    }
}
