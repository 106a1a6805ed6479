using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace CallSupervisor.Load.Support;

/// <summary>
/// A slow network link in front of a server (<c>--slow-link MBITS,RTTMS</c>): a TCP proxy on loopback where each
/// connection has its own link of the given bandwidth in each direction and half the round trip of delay each way.
/// Bytes leave in the order they came, each no sooner than its delay and no faster than the bandwidth, so a burst
/// larger than the link queues as it would on a real one. (<c>tc netem</c> would shape every loopback user of a
/// shared machine, hence a proxy.)
/// </summary>
public sealed class SlowLink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly double _bytesPerSecond;
    private readonly TimeSpan _oneWay;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private SlowLink(TcpListener listener, IPEndPoint target, double megabitsPerSecond, TimeSpan roundTrip)
    {
        _listener = listener;
        _target = target;
        _bytesPerSecond = megabitsPerSecond * 1_000_000 / 8;
        _oneWay = roundTrip / 2;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The proxy's address: the target's, on the proxy's port.</summary>
    public Uri Address { get; private init; } = null!;

    public static SlowLink Start(Uri target, double megabitsPerSecond, TimeSpan roundTrip)
    {
        var listener = new TcpListener(IPAddress.Loopback, PortRange.Range is null ? 0 : PortRange.FreePort());
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return new SlowLink(listener, new IPEndPoint(IPAddress.Parse(target.Host), target.Port), megabitsPerSecond, roundTrip)
        {
            Address = new UriBuilder(target) { Port = port }.Uri,
        };
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ConnectAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ConnectAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                server.NoDelay = true;
                await server.ConnectAsync(_target, _stop.Token);
                await Task.WhenAny(
                    PumpAsync(client.GetStream(), server.GetStream()),
                    PumpAsync(server.GetStream(), client.GetStream()));
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The connection ends.
            }
        }
    }

    // One direction of one connection: the reader stamps each chunk with when it may leave, the writer sends it then.
    private async Task PumpAsync(Stream from, Stream to)
    {
        var queue = Channel.CreateUnbounded<(byte[] Data, int Length, long Due)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(async () =>
        {
            await foreach (var (data, length, due) in queue.Reader.ReadAllAsync(_stop.Token))
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    // The link's own delay: what is simulated, not a wait for a result.
                    await Task.Delay(wait, _stop.Token);
                }
                await to.WriteAsync(data.AsMemory(0, length), _stop.Token);
            }
        });
        long linkFree = 0;
        try
        {
            while (true)
            {
                var buffer = new byte[16 * 1024];
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }
                var now = Stopwatch.GetTimestamp();
                // On the wire once the link is free, for as long as the bytes take at its bandwidth; then the delay.
                var start = Math.Max(now, linkFree);
                linkFree = start + (long)(read / _bytesPerSecond * Stopwatch.Frequency);
                queue.Writer.TryWrite((buffer, read, linkFree + (long)(_oneWay.TotalSeconds * Stopwatch.Frequency)));
            }
        }
        finally
        {
            queue.Writer.TryComplete();
            await writer;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
