using System.Diagnostics;
using System.Net.Http.Headers;
using CallSupervisor.Testing;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.Tests.Callbacks;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CallSupervisor.Web.Tests.Telemetry;

/// <summary>
/// The app in memory with the product's tracing (<see cref="TelemetrySetup.AddCallSupervisorTracing"/>) exported to a
/// list, and the ACS callbacks its tests post.
/// </summary>
internal sealed class TraceApp : IAsyncDisposable
{
    private readonly List<Activity> _exported = [];

    public TraceApp(IReadOnlyDictionary<string, string>? settings = null)
    {
        App = new CallbackAppFactory(callbackAuth: false, settings, services: s =>
            s.AddOpenTelemetry().WithTracing(t => t.AddCallSupervisorTracing().AddInMemoryExporter(_exported)));
    }

    public CallbackAppFactory App { get; }

    /// <summary>The spans exported so far (the exporter adds under its own lock; a copy is read).</summary>
    public Activity[] Spans => _exported.ToArray();

    public async Task<HttpResponseMessage> PostAsync(HttpClient client, string events) =>
        await client.PostAsync("/api/callbacks/acs", new StringContent("[" + events + "]", new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }));

    /// <summary>A CallConnected CloudEvent, dated now.</summary>
    public static string Connected(string id, string callId) => $$$"""
        {"id":"{{{id}}}","source":"calling/callConnections/{{{callId}}}","type":"Microsoft.Communication.CallConnected","specversion":"1.0",
         "time":"{{{Now}}}","data":{"callConnectionId":"{{{callId}}}","serverCallId":"s","correlationId":"c"}}
        """;

    public static string Roster(string id, string callId, int sequence, bool muted) => $$$"""
        {"id":"{{{id}}}","source":"calling/callConnections/{{{callId}}}","type":"Microsoft.Communication.ParticipantsUpdated","specversion":"1.0","time":"{{{Now}}}",
         "data":{"callConnectionId":"{{{callId}}}","sequenceNumber":{{{sequence}}},
           "participants":[{"identifier":{"kind":"communicationUser","rawId":"8:acs:u1","communicationUser":{"id":"8:acs:u1"}},"isMuted":{{{(muted ? "true" : "false")}}},"isOnHold":false}]}}
        """;

    private static string Now => DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The spans once <paramref name="holds"/> is true of them (spans end on other threads, after the answer).</summary>
    public Task<Activity[]> SpansWhenAsync(Func<Activity[], bool> holds, string what) =>
        Eventually.UntilAsync(() => Task.FromResult(Spans), holds, what,
            describe: spans => Task.FromResult(string.Join("; ", (spans ?? []).Select(s => $"{s.DisplayName} {s.TraceId}/{s.SpanId} parent {s.ParentSpanId}"))));

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
