using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.EndToEnd.Tests.ScaleOut;

/// <summary>
/// A stand-in for one app instance behind the balancer: a Kestrel server on 127.0.0.1 (a free port) that answers
/// with its own name on <c>POST /api/callbacks/…</c> and <c>GET /</c>, shows the headers the balancer forwarded on
/// <c>GET /headers</c>, and echoes WebSocket messages on <c>/ws</c> prefixed with its name.
/// </summary>
internal sealed class TinyInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TinyInstance(string name, WebApplication app, Uri address)
    {
        Name = name;
        _app = app;
        BaseAddress = address;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public static async Task<TinyInstance> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // A stop must not wait for WebSockets still open through the balancer.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.UseWebSockets();
        app.MapPost("/api/callbacks/{**rest}", () => name);
        app.MapGet("/", () => name);
        app.MapGet("/headers", (HttpRequest request) => Results.Json(new ForwardedView(
            name,
            request.Host.Value ?? "",
            request.Headers["X-Forwarded-For"].ToString(),
            request.Headers["X-Forwarded-Proto"].ToString(),
            request.Headers["X-Forwarded-Host"].ToString())));
        app.Map("/ws", context => EchoAsync(context, name));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TinyInstance(name, app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops the server: its port refuses connections from now on, as a killed instance's would.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task EchoAsync(HttpContext context, string name)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                return;
            }
            var reply = Encoding.UTF8.GetBytes($"{name}: {Encoding.UTF8.GetString(buffer, 0, received.Count)}");
            await socket.SendAsync(reply, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
        }
    }
}

/// <summary>What an instance saw of a request the balancer forwarded.</summary>
internal sealed record ForwardedView(string Instance, string Host, string ForwardedFor, string ForwardedProto, string ForwardedHost);
