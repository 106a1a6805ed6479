using System.Net.WebSockets;
using CallSupervisor.Web.Tests.Callbacks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Hosting;

/// <summary>
/// What the app answers a client that offers permessage-deflate, as browsers and the JS client do, on the calls hub and
/// on the pages' circuit: each follows its own setting (<c>Dashboard:HubCompression</c>, <c>Dashboard:CircuitCompression</c>).
/// On Kestrel, since the in-memory test server does not negotiate WebSocket extensions.
/// </summary>
public sealed class WebSocketCompressionTests
{
    private const string Deflate = "permessage-deflate";

    [Fact]
    public async Task CallsHub_ClientOffersDeflateByDefault_AnswersWithoutCompression()
    {
        Assert.DoesNotContain(Deflate, await ExtensionsAnsweredAsync("/hubs/calls", []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallsHub_HubCompressionOn_NegotiatesDeflate()
    {
        Assert.Contains(Deflate, await ExtensionsAnsweredAsync("/hubs/calls", new() { ["Dashboard:HubCompression"] = "true" }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Circuit_ClientOffersDeflateByDefault_NegotiatesDeflate()
    {
        Assert.Contains(Deflate, await ExtensionsAnsweredAsync("/_blazor", []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Circuit_CircuitCompressionOff_AnswersWithoutCompression()
    {
        Assert.DoesNotContain(Deflate, await ExtensionsAnsweredAsync("/_blazor", new() { ["Dashboard:CircuitCompression"] = "false" }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallsHub_HubCompressionOn_ClientOffersNothing_AnswersWithoutCompression()
    {
        Assert.DoesNotContain(Deflate, await ExtensionsAnsweredAsync("/hubs/calls", new() { ["Dashboard:HubCompression"] = "true" }, offerDeflate: false), StringComparison.Ordinal);
    }

    // Opens a WebSocket straight to the endpoint (SignalR takes one without negotiating first) and returns the
    // Sec-WebSocket-Extensions header of the server's answer ("" when none).
    private static async Task<string> ExtensionsAnsweredAsync(string path, Dictionary<string, string> settings, bool offerDeflate = true)
    {
        settings["AllowedHosts"] = "*";
        await using var app = new CallbackAppFactory(callbackAuth: false, settings: settings);
        app.UseKestrel(0);
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (offerDeflate)
        {
            socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.ConnectAsync(new Uri($"ws://{address.Authority}{path}"), timeout.Token);
        Assert.Equal(WebSocketState.Open, socket.State);
        var answered = socket.HttpResponseHeaders is { } headers && headers.TryGetValue("Sec-WebSocket-Extensions", out var values)
            ? string.Join(", ", values)
            : "";
        socket.Abort();
        return answered;
    }
}
