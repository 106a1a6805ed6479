using System.Net;
using System.Net.Http.Headers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Testing;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.Tests.Callbacks;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using M = CallSupervisor.Core.Diagnostics.CallSupervisorMetrics;

namespace CallSupervisor.Web.Tests.Metrics;

/// <summary>
/// OpenTelemetry's listener enables a meter by its name, in the whole process: the scenario runs alone, so that no
/// other test's app adds to the counts it asserts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics exported in-process";
}

/// <summary>
/// The app's metrics as an exporter gets them (OpenTelemetry's in-memory exporter, registered as
/// <see cref="TelemetrySetup.AddCallSupervisorMetrics"/> registers the OTLP one) after a scripted scenario: callbacks
/// taken and one refused, a hub client, a mute to an ACS that does not answer. The Operations page reads the same.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsScenarioTests : IAsyncLifetime
{
    private readonly List<Metric> _exported = [];
    private readonly CallbackAppFactory _app;

    public MetricsScenarioTests() => _app = new CallbackAppFactory(callbackAuth: false,
        settings: new Dictionary<string, string> { ["Acs:Retry:MaxRetries"] = "0" },
        services: s => s.AddOpenTelemetry().WithMetrics(m => m.AddCallSupervisorMetrics().AddInMemoryExporter(_exported)));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static StringContent Json(string body) => new(body, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });

    private static string Call(string callId, DateTimeOffset at) => $$$"""
        [{"id":"{{{callId}}}-c","source":"calling/callConnections/{{{callId}}}","type":"Microsoft.Communication.CallConnected","specversion":"1.0",
          "time":"{{{at:O}}}","data":{"callConnectionId":"{{{callId}}}","serverCallId":"s","correlationId":"c"}},
         {"id":"{{{callId}}}-p","type":"Microsoft.Communication.ParticipantsUpdated","specversion":"1.0","time":"{{{at:O}}}",
          "data":{"callConnectionId":"{{{callId}}}","sequenceNumber":1,
           "participants":[{"identifier":{"kind":"communicationUser","rawId":"8:acs:u1","communicationUser":{"id":"8:acs:u1"}},"isMuted":false}]}}]
        """;

    [Fact]
    public async Task Scenario_CallbacksHubClientAndMute_ExportedMetricsCountThem()
    {
        using var client = _app.CreateClient();
        var monitor = _app.Services.GetRequiredService<OperationsMonitor>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 3; i++)
        {
            using var accepted = await client.PostAsync("/api/callbacks/acs", Json(Call($"m-call-{i}", now)));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        using (var refused = await client.PostAsync("/api/callbacks/acs", Json("[{\"id\":\"x\"")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        await using var hub = await _app.ConnectHubAsync();
        using (var fourth = await client.PostAsync("/api/callbacks/acs", Json(Call("m-call-4", now))))
        {
            Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        }
        await _app.WaitForCallAsync("m-call-4", c => c.State == CallState.Connected);
        await Eventually.UntilAsync(() => Task.FromResult(monitor.Read()), r => r.HubPush is not null && r.Apply?.Count >= 8, "a hub push and every record applied");
        var mute = await _app.Services.GetRequiredService<ICallAutomationPort>().MuteAsync(
            new CallId("m-call-1"), CommunicationIdentifier.AcsUser("8:acs:u1"), "ctx-1", CancellationToken.None);
        Assert.False(mute.IsSuccess);

        var metrics = Collect();

        Assert.Equal(4, Sum(metrics, M.CallbackReceivedName, (M.EndpointTag, "acs")));
        Assert.Equal(1, Sum(metrics, M.CallbackRefusedName, (M.EndpointTag, "acs"), (M.ErrorTypeTag, "malformed")));
        Assert.Equal(8, Sum(metrics, M.CallbackEventsName, (M.EndpointTag, "acs")));
        Assert.Equal(1, Sum(metrics, M.HubConnectionsName));
        Assert.True(HistogramCount(metrics, M.LogAppendDurationName) >= 4);
        Assert.True(HistogramCount(metrics, M.ApplyDurationName) >= 8);
        Assert.True(HistogramCount(metrics, M.PushDurationName, (M.PushKindTag, "changes")) >= 1);
        Assert.Equal(1, HistogramCount(metrics, M.AcsRequestDurationName,
            (M.OperationTag, "POST callConnections/{id}/participants:mute"), (M.ErrorTypeTag, "network_error")));
        Assert.Equal(0, Single(metrics, M.InboxDepthName).GetGaugeLastValueLong());
        Assert.Equal(["available", "away", "offered", "offline", "on_call", "wrap_up"],
            Points(metrics, M.AgentsName).Select(p => Tags(p)[M.AgentStateTag] as string).Order());
        foreach (var (name, unit) in new[] { (M.CallbackReceivedName, "{callback}"), (M.LogAppendDurationName, "s"), (M.AgentsName, "{agent}") })
        {
            Assert.Equal(unit, metrics[name].Unit);
        }
        // The page's figures are the same measurements.
        var page = monitor.Read();
        Assert.Equal(8, page.CallbacksPerMinute);
        Assert.Equal(1, page.RefusedPerMinute);
        Assert.Equal(1, page.HubClients);
        Assert.False(page.Acs?.Reachable);
    }

    private Dictionary<string, Metric> Collect()
    {
        lock (_exported)
        {
            _exported.Clear();
        }
        Assert.True(_app.Services.GetRequiredService<MeterProvider>().ForceFlush(30_000));
        lock (_exported)
        {
            // The last export of each instrument (cumulative: it holds everything so far).
            return _exported.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
        }
    }

    private static List<MetricPoint> Points(Dictionary<string, Metric> metrics, string name)
    {
        Assert.True(metrics.ContainsKey(name), $"{name} was not exported");
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metrics[name].GetMetricPoints())
        {
            points.Add(point);
        }
        return points;
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }
        return tags;
    }

    private static IEnumerable<MetricPoint> Matching(Dictionary<string, Metric> metrics, string name, (string Key, object Value)[] tags) =>
        Points(metrics, name).Where(p => tags.All(t => Equals(Tags(p).GetValueOrDefault(t.Key), t.Value)));

    private static long Sum(Dictionary<string, Metric> metrics, string name, params (string, object)[] tags) =>
        Matching(metrics, name, tags).Sum(p => p.GetSumLong());

    private static long HistogramCount(Dictionary<string, Metric> metrics, string name, params (string, object)[] tags) =>
        Matching(metrics, name, tags).Sum(p => p.GetHistogramCount());

    private static MetricPoint Single(Dictionary<string, Metric> metrics, string name) => Assert.Single(Points(metrics, name));
}
