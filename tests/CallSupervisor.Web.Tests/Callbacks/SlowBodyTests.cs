using System.Net.Sockets;
using System.Text;
using CallSupervisor.Web.Callbacks;
using CallSupervisor.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Callbacks;

/// <summary>
/// A body that arrives too slowly (Kestrel's MinRequestBodyDataRate gives up on it) is the sender's fault: 408 problem
/// details, never a 500. Checked on real Kestrel with a client that sends the headers and then stalls, and on the reading
/// helper and the error mapping directly.
/// </summary>
public sealed class SlowBodyTests
{
    private sealed class ThrowingStream(Exception exception) : MemoryStream
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromException<int>(exception);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(exception);
    }

    private static HttpRequest RequestWithBody(Stream body, long? length)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = length;
        return context.Request;
    }

    [Theory]
    [InlineData(100L)]
    [InlineData(null)]
    public async Task ReadAsync_BodyTooSlow_Is408Problem(long? length)
    {
        var tooSlow = new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.", StatusCodes.Status408RequestTimeout);

        var (body, error) = await CallbackBody.ReadAsync(RequestWithBody(new ThrowingStream(tooSlow), length), 4096, CancellationToken.None);

        Assert.Null(body);
        var problem = Assert.IsType<ProblemHttpResult>(error);
        Assert.Equal(StatusCodes.Status408RequestTimeout, problem.StatusCode);
        Assert.Equal("Callback body too slow", problem.ProblemDetails.Title);
    }

    [Fact]
    public async Task ReadAsync_BadFraming_Is400Problem()
    {
        var badChunk = new BadHttpRequestException("Bad chunk size data.", StatusCodes.Status400BadRequest);

        var (_, error) = await CallbackBody.ReadAsync(RequestWithBody(new ThrowingStream(badChunk), null), 4096, CancellationToken.None);

        Assert.Equal(StatusCodes.Status400BadRequest, Assert.IsType<ProblemHttpResult>(error).StatusCode);
    }

    [Theory]
    [InlineData(408, 408)]
    [InlineData(400, 400)]
    [InlineData(431, 431)]
    public void StatusCodeOf_BadHttpRequest_KeepsItsStatus(int status, int expected)
    {
        Assert.Equal(expected, ErrorHandling.StatusCodeOf(new BadHttpRequestException("bad", status)));
    }

    [Fact]
    public void StatusCodeOf_AnythingElse_Is500()
    {
        Assert.Equal(500, ErrorHandling.StatusCodeOf(new InvalidOperationException("bug")));
    }

    [Fact]
    public async Task AcsCallback_BodyStallsOnKestrel_Answers408ProblemDetails()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false, services: s => s.Configure<KestrelServerOptions>(o =>
            // The rate check gives up after its grace period; the shortest Kestrel allows keeps the test short.
            o.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 100, gracePeriod: TimeSpan.FromSeconds(1.5))));
        app.UseKestrel(0);
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        // Headers and the first byte of a 1,000-byte body, then nothing more.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /api/callbacks/acs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n["));
        await stream.FlushAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var response = await ReadResponseHeadAsync(stream, timeout.Token);

        Assert.StartsWith("HTTP/1.1 408 ", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.OrdinalIgnoreCase);
    }

    // The status line and headers (up to the blank line), or what came before the connection closed.
    private static async Task<string> ReadResponseHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new StringBuilder();
        var buffer = new byte[1024];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return received.ToString();
    }
}
