using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Client.Internal;

internal static class HubConnectionSetup
{
    /// <summary>The hub connection's builder: URL and caller's HTTP settings, the wire protocol, reconnecting, and the merger's connection hook.</summary>
    public static IHubConnectionBuilder CreateBuilder(Uri hubAddress, CallsHubClientOptions options, CallBoardMerger merger)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(hubAddress, http =>
            {
                if (options.AccessTokenProvider is { } tokens)
                {
                    http.AccessTokenProvider = tokens;
                }
                options.ConfigureConnection?.Invoke(http);
            });
        // One protocol per connection: the client's registration decides which one it asks the server for.
        builder = options.Protocol == CallsHubProtocol.MessagePack
            ? builder.AddMessagePackProtocol()
            : builder.AddJsonProtocol(json => json.PayloadSerializerOptions = CallsHubClient.WireJson);
        if (options.AutomaticReconnect)
        {
            builder = options.ReconnectPolicy is { } policy ? builder.WithAutomaticReconnect(policy) : builder.WithAutomaticReconnect();
        }
        // Registered after WithUrl's own factory, so this decorator is the one HubConnection resolves.
        builder.Services.AddSingleton<IConnectionFactory>(services =>
            new ConnectionStartNotifier(ActivatorUtilities.CreateInstance<HttpConnectionFactory>(services), merger.BeginConnection));
        return builder;
    }
}
