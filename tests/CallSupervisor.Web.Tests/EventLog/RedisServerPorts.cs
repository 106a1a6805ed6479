using System.Net;
using System.Net.Sockets;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

/// <summary>The one helper the linked <see cref="RedisServer"/> needs from the end-to-end tests' shared code: a free port.</summary>
internal static class ServerProcesses
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
