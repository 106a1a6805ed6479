using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Load.Support;

/// <summary>
/// <c>--telemetry</c>: an OTLP/HTTP receiver on a loopback port that answers 200 to <c>/v1/traces</c>,
/// <c>/v1/metrics</c> and <c>/v1/logs</c> and counts what it got, so that the apps run with their export on
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>http/protobuf</c>) at the cost of encoding and sending only, not of a
/// collector sharing the machine. The body is read to its end, as a collector would.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private static readonly string[] Signals = ["traces", "metrics", "logs"];
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (long Requests, long Bytes)> _received = new(StringComparer.Ordinal);

    private OtlpSink(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The settings that turn the apps' export on (given to every app as <c>--set</c> would).</summary>
    public IEnumerable<string> AppSettingArguments =>
    [
        "--set", "OTEL_EXPORTER_OTLP_ENDPOINT=" + Endpoint.ToString().TrimEnd('/'),
        "--set", "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
    ];

    public static async Task<OtlpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = PortRange.FreePort();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        var sink = new OtlpSink(app);
        foreach (var signal in Signals)
        {
            app.MapPost("/v1/" + signal, async (HttpContext context) =>
            {
                var buffer = new byte[16 * 1024];
                long bytes = 0;
                int read;
                while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    bytes += read;
                }
                sink._received.AddOrUpdate(signal, (1, bytes), (_, total) => (total.Requests + 1, total.Bytes + bytes));
                // An empty ExportXServiceResponse: success with nothing rejected.
                return Results.Bytes([], "application/x-protobuf");
            });
        }
        await app.StartAsync();
        sink.Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        return sink;
    }

    /// <summary>What arrived, e.g. <c>traces 12 requests 1.8 MB, metrics 3 requests 40 kB, logs 5 requests 12 kB</c>.</summary>
    public string Summary() => string.Join(", ", Signals.Select(s =>
    {
        var (requests, bytes) = _received.GetValueOrDefault(s);
        return string.Create(CultureInfo.InvariantCulture, $"{s} {requests} requests {bytes / 1024.0:0} kB");
    }));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
