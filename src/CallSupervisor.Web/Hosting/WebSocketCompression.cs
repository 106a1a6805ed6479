using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// permessage-deflate on a SignalR hub's WebSockets (<c>Dashboard:HubCompression</c>, <c>Dashboard:CircuitCompression</c>).
/// SignalR has no option for it, so the hub's endpoint gets the same wrapper Blazor puts on its own hub:
/// the WebSocket feature, installed ahead of SignalR's, turns compression on when the client offers it (browsers and
/// the JS client do; the .NET client never does). Compressing costs the server a deflate per message and connection,
/// which pays only on slow links (docs/performance.md, "WebSocket compression"). The wrapper is there when compression
/// is off too, and says so explicitly: without it the hub's WebSockets were seen to negotiate deflate now and then
/// (one run in a few), and Blazor's circuit kept negotiating it with its own <c>DisableWebSocketCompression</c> set:
/// the wrapper nearest the accept decides.
/// </summary>
public static class WebSocketCompression
{
    /// <summary>
    /// Accepts the WebSockets of every SignalR hub among <paramref name="hub"/>'s endpoints (the calls hub; Blazor's
    /// circuit hub among the pages') with permessage-deflate when <paramref name="enabled"/> and the client offers it,
    /// else without.
    /// </summary>
    public static TBuilder WithWebSocketCompression<TBuilder>(this TBuilder hub, IEndpointRouteBuilder endpoints, bool enabled)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(endpoints);
        hub.Finally(endpoint =>
        {
            // The negotiate endpoint never upgrades; the hub's own endpoint is the one with HubMetadata.
            if (endpoint.Metadata.Any(m => m is NegotiateMetadata) || !endpoint.Metadata.Any(m => m is HubMetadata) || endpoint.RequestDelegate is not { } hubDelegate)
            {
                return;
            }
            var pipeline = endpoints.CreateApplicationBuilder();
            // Installs the WebSocket feature here, so SignalR's own UseWebSockets finds one and keeps the wrapper (as
            // Blazor's ServerRenderModeEndpointProvider does for its hub).
            pipeline.UseWebSockets();
            pipeline.Use((context, next) =>
            {
                if (context.Features.Get<IHttpWebSocketFeature>() is { IsWebSocketRequest: true } feature)
                {
                    context.Features.Set<IHttpWebSocketFeature>(new CompressionFeature(feature, enabled));
                }
                return next(context);
            });
            pipeline.Run(hubDelegate);
            endpoint.RequestDelegate = pipeline.Build();
        });
        return hub;
    }

    private sealed class CompressionFeature(IHttpWebSocketFeature inner, bool enabled) : IHttpWebSocketFeature
    {
        public bool IsWebSocketRequest => inner.IsWebSocketRequest;

        public Task<WebSocket> AcceptAsync(WebSocketAcceptContext context)
        {
            context.DangerousEnableCompression = enabled;
            return inner.AcceptAsync(context);
        }
    }
}
