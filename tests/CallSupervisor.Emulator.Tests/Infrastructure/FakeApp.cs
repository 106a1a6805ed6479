using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Tests.Infrastructure;

/// <summary>
/// A hand-written stand-in for the dashboard: a Kestrel app on 127.0.0.1:0 that answers the Event Grid handshake,
/// answers every IncomingCall through the emulator's REST API (signed), and records every callback it receives.
/// </summary>
public sealed class FakeApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private AcsTestClient? _client;

    private FakeApp(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri CallbackUri => new(BaseAddress, "api/callbacks/acs");

    /// <summary>Answer IncomingCall automatically (on by default).</summary>
    public bool AutoAnswer { get; set; } = true;

    public EventLog<JsonObject> EventGrid { get; } = new();

    public EventLog<ReceivedCloudEvent> Acs { get; } = new();

    public EventLog<JsonObject> Graph { get; } = new();

    public EventLog<AcsResponse> Answers { get; } = new();

    public static async Task<FakeApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = new FakeApp(builder.Build());
        app.Map();
        await app._app.StartAsync();
        app.BaseAddress = new Uri(app._app.Urls.First().TrimEnd('/') + "/");
        return app;
    }

    /// <summary>The emulator client used for answering (set once the emulator is known).</summary>
    public void UseClient(AcsTestClient client) => _client = client;

    private void Map()
    {
        _app.MapPost("/api/callbacks/incoming", async (HttpContext c) =>
        {
            var events = await JsonNode.ParseAsync(c.Request.Body) as JsonArray ?? [];
            foreach (var e in events.OfType<JsonObject>())
            {
                var type = (string?)e["eventType"];
                if (type == "Microsoft.EventGrid.SubscriptionValidationEvent")
                {
                    EventGrid.Add(e);
                    return Results.Json(new { validationResponse = (string?)e["data"]!["validationCode"] });
                }
                EventGrid.Add(e);
                if (type == "Microsoft.Communication.IncomingCall" && AutoAnswer && _client is { } client)
                {
                    var answer = await client.PostAsync("calling/callConnections:answer?" + AcsTestClient.ApiVersion, new
                    {
                        incomingCallContext = (string?)e["data"]!["incomingCallContext"],
                        callbackUri = CallbackUri.ToString(),
                        operationContext = "answer:" + (string?)e["data"]!["correlationId"],
                    });
                    Answers.Add(answer);
                }
            }
            return Results.Ok();
        });
        _app.MapPost("/api/callbacks/acs", async (HttpContext c) =>
        {
            var events = await JsonNode.ParseAsync(c.Request.Body) as JsonArray ?? [];
            var authorization = c.Request.Headers.Authorization.ToString();
            foreach (var e in events.OfType<JsonObject>())
            {
                Acs.Add(new ReceivedCloudEvent(
                    (string)e["id"]!, ((string)e["type"]!).Replace("Microsoft.Communication.", string.Empty, StringComparison.Ordinal),
                    (JsonObject)e["data"]!, e, authorization));
            }
            return Results.Ok();
        });
        _app.MapPost("/api/callbacks/graph", async (HttpContext c) =>
        {
            var body = await JsonNode.ParseAsync(c.Request.Body);
            foreach (var n in (body?["value"] as JsonArray ?? []).OfType<JsonObject>())
            {
                Graph.Add(n);
            }
            return Results.Accepted();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A Call Automation callback as received: <see cref="Type"/> without the Microsoft.Communication. prefix.</summary>
public sealed record ReceivedCloudEvent(string Id, string Type, JsonObject Data, JsonObject Envelope, string Authorization)
{
    public string? CallConnectionId => (string?)Data["callConnectionId"];

    public override string ToString() => $"{Type} {Id} {Data.ToJsonString()}";
}
