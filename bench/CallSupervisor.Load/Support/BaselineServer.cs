using CallSupervisor.Board.EventLog;
using CallSupervisor.Core.Events;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CallSupervisor.Load.Support;

/// <summary>
/// The bare baseline: a Kestrel app with the app's callback route, the same JWT validation (the app's own
/// <see cref="AcsCallbackAuthenticator"/> against the same emulator's OpenID metadata) and the same parser
/// (<see cref="AcsCallbackParser"/>), answering 200 — no store, no sign-in, no logging. With <c>--journal FILE</c> it
/// also appends each accepted callback's events with the app's own embedded event log writer
/// (<see cref="SqliteEventLog"/>: the same SQLite group-commit append, in its own file) before answering, so the
/// ingestion figure compares like with like: an acknowledged callback is durable on both sides. With
/// <c>--broadcast</c> each parsed roster is sent at once to every client of a bare SignalR hub (<c>/hubs/bare</c>,
/// anonymous), which also has a <c>Ping</c> that returns at once. It runs as its own process (this program started
/// again with <see cref="Mode"/>), as the app does, so neither shares the driver's process, heap or thread pool.
/// </summary>
public static class BaselineServer
{
    public const string Mode = "baseline-server";
    public const string HubPath = "/hubs/bare";

    /// <summary>The same hub, accepting permessage-deflate when a client offers it (as the app may): JS clients compare like with like.</summary>
    public const string DeflateHubPath = "/hubs/bare-deflate";
    public const string EventMessage = "event";
    public const string PagePath = "/page";
    public const string LivePagePath = "/live";
    public const string ClickPagePath = "/click";

    private const string BarePage = "<!DOCTYPE html><html><head><title>Baseline</title></head><body>"
        + "<div id=\"app-shell\" data-interactive=\"true\"><div class=\"cs-grid\"><table><tbody>"
        + "<tr class=\"mud-table-row\"><td>row</td></tr></tbody></table></div></div></body></html>";

    // The DOM baseline: a plain page on the bare hub. It speaks SignalR's JSON protocol over a WebSocket itself (the
    // handshake, invocations, pings: the few lines a page needs, so the harness ships no client library), and writes
    // each broadcast roster's muted count into its row, in the same markup the dashboard's grid has (a table whose
    // "Muted" column is read by the same observer). The rows are the calls named in ?calls=.
    private const string LivePage = """
        <!DOCTYPE html><html><head><title>Baseline live</title></head><body>
        <div class="cs-grid"><table><thead><tr><th>Caller</th><th>Muted</th></tr></thead><tbody></tbody></table></div>
        <script>
        (() => {
          const cells = new Map();
          const body = document.querySelector("tbody");
          for (const id of (new URLSearchParams(location.search).get("calls") || "").split(",").filter(x => x)) {
            const row = body.insertRow();
            const link = document.createElement("a");
            link.dataset.callId = id;
            link.textContent = id;
            row.insertCell().appendChild(link);
            cells.set(id, row.insertCell());
          }
          const separator = "\u001e";
          const socket = new WebSocket(location.origin.replace(/^http/, "ws") + "/hubs/bare");
          socket.onopen = () => socket.send(JSON.stringify({ protocol: "json", version: 1 }) + separator);
          socket.onmessage = e => {
            for (const frame of e.data.split(separator)) {
              if (!frame) continue;
              const message = JSON.parse(frame);
              if (message.type === undefined) window.__connected = true;
              else if (message.type === 6) socket.send(JSON.stringify({ type: 6 }) + separator);
              else if (message.type === 1 && message.target === "event") {
                const roster = message.arguments[0];
                const cell = cells.get(roster.callId);
                if (cell) cell.textContent = String(roster.participants.filter(p => p.isMuted).length);
              }
            }
          };
        })();
        </script></body></html>
        """;

    // The mute click's baseline: a plain page with a participant row and a Mute button; a click sends one hub invocation
    // (Ping) over SignalR's JSON protocol and, on its completion, shows the Muted chip in the row: the browser's and
    // the wire's floor for a click that goes to the server and comes back into the DOM.
    private const string ClickPage = """
        <!DOCTYPE html><html><head><title>Baseline click</title></head><body>
        <ul aria-label="Participants"><li data-kind="CommunicationUser"><span class="name">Agent</span><span class="chips"></span>
        <button type="button" aria-label="Mute Agent">Mute</button></li></ul>
        <script>
        (() => {
          const separator = "\u001e";
          let next = 0;
          const socket = new WebSocket(location.origin.replace(/^http/, "ws") + "/hubs/bare");
          socket.onopen = () => socket.send(JSON.stringify({ protocol: "json", version: 1 }) + separator);
          socket.onmessage = e => {
            for (const frame of e.data.split(separator)) {
              if (!frame) continue;
              const message = JSON.parse(frame);
              if (message.type === undefined) window.__connected = true;
              else if (message.type === 6) socket.send(JSON.stringify({ type: 6 }) + separator);
              else if (message.type === 3) {
                const chip = document.createElement("span");
                chip.className = "mud-chip";
                chip.textContent = "Muted";
                document.querySelector(".chips").appendChild(chip);
              }
            }
          };
          document.querySelector("button").addEventListener("click", () =>
            socket.send(JSON.stringify({ type: 1, invocationId: String(++next), target: "Ping", arguments: [] }) + separator));
        })();
        </script></body></html>
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
            ?? throw new ArgumentException($"{Mode} needs {name}");
        var broadcast = args.Contains("--broadcast");
        var journalPath = args.SkipWhile(a => a != "--journal").Skip(1).FirstOrDefault();
        var acs = new AcsOptions
        {
            CallbackAuth = new AcsCallbackAuthOptions
            {
                Issuer = Arg("--issuer"),
                Audience = Arg("--audience"),
                MetadataAddress = Arg("--metadata"),
                RequireHttpsMetadata = false,
            },
        };
        // The same metadata manager the app builds (TelephonyServiceCollectionExtensions.CreateMetadataManager).
        using var metadataHttp = new HttpClient();
        var metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            acs.CallbackAuth.MetadataAddress, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(metadataHttp) { RequireHttps = false });
        var authenticator = new AcsCallbackAuthenticator(Microsoft.Extensions.Options.Options.Create(acs), metadata, NullLogger<AcsCallbackAuthenticator>.Instance);
        var parser = new AcsCallbackParser(TimeProvider.System);
        // The app's writer: one connection, a prepared insert, whatever waits goes into one transaction (WAL,
        // synchronous=NORMAL). Nothing reads it back: the baseline has no store to apply to.
        await using var journal = journalPath is null ? null : new SqliteEventLog(journalPath, "baseline", NullLogger<SqliteEventLog>.Instance);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:" + Arg("--port"));
        builder.Services.AddRoutingCore();
        builder.Services.AddSignalR();
        var app = builder.Build();
        // The WebSocket feature is installed here rather than in the hub's own pipeline, so the deflate path can turn
        // compression on for the accept (SignalR's hub accepts with its defaults: no compression).
        app.UseWebSockets();
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(DeflateHubPath) && context.Features.Get<IHttpWebSocketFeature>() is { IsWebSocketRequest: true } feature)
            {
                context.Features.Set<IHttpWebSocketFeature>(new DeflatingWebSocketFeature(feature));
            }
            return next(context);
        });
        app.UseRouting();
        app.MapPost("/api/callbacks/acs", async (HttpRequest request, IHubContext<BareHub> hub, CancellationToken ct) =>
        {
            var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization, ct);
            if (!auth.IsValid)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: auth.Reason);
            }
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, ct);
            var result = parser.Parse(body.ToArray());
            if (!result.IsSuccess)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: result.Error);
            }
            if (journal is not null && result.Events.Length > 0)
            {
                await journal.AppendAsync(result.Events, ct);
            }
            if (broadcast)
            {
                foreach (var roster in result.Events.OfType<ParticipantsUpdated>())
                {
                    await hub.Clients.All.SendAsync(EventMessage, BareRoster.From(roster), ct);
                }
            }
            return Results.Ok();
        });
        app.MapHub<BareHub>(HubPath);
        app.MapHub<BareHub>(DeflateHubPath);
        // The first-render baseline: the browser's floor, a page that already has what the live calls page is waited for.
        app.MapGet(PagePath, () => Results.Content(BarePage, "text/html; charset=utf-8"));
        app.MapGet(LivePagePath, () => Results.Content(LivePage, "text/html; charset=utf-8"));
        app.MapGet(ClickPagePath, () => Results.Content(ClickPage, "text/html; charset=utf-8"));
        await app.StartAsync();
        // The line ChildProcess waits for (the app's is Kestrel's own log line; this server logs nothing).
        Console.WriteLine("Now listening on: " + app.Urls.First());
        await app.WaitForShutdownAsync();
        return 0;
    }
}

/// <summary>Accepts a WebSocket with permessage-deflate when the client offers it.</summary>
internal sealed class DeflatingWebSocketFeature(IHttpWebSocketFeature inner) : IHttpWebSocketFeature
{
    public bool IsWebSocketRequest => inner.IsWebSocketRequest;

    public Task<System.Net.WebSockets.WebSocket> AcceptAsync(WebSocketAcceptContext context)
    {
        context.DangerousEnableCompression = true;
        return inner.AcceptAsync(context);
    }
}

/// <summary>The baseline's hub: nothing but a round trip.</summary>
public sealed class BareHub : Hub
{
    // An instance method: SignalR only binds those as hub methods.
    public int Ping() => 0;
}

/// <summary>What the baseline broadcasts per roster: the call, its sequence number, and each participant's raw id and mute.</summary>
public sealed record BareRoster(string CallId, int SequenceNumber, IReadOnlyList<BareParticipant> Participants)
{
    public static BareRoster From(ParticipantsUpdated roster) => new(
        roster.CallId.Value, roster.SequenceNumber ?? 0, [.. roster.Participants.Select(p => new BareParticipant(p.Identifier.RawId, p.IsMuted))]);
}

public sealed record BareParticipant(string RawId, bool IsMuted);
