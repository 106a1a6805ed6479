using System.Diagnostics;
using System.Net;
using CallSupervisor.Core.Diagnostics;

namespace CallSupervisor.Web.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class CallbackTraceTests : IAsyncLifetime
{
    private readonly TraceApp _trace = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _trace.DisposeAsync();

    private static Activity? Named(IEnumerable<Activity> spans, ActivityTraceId trace, string name) =>
        spans.FirstOrDefault(s => s.TraceId == trace && s.DisplayName == name);

    [Fact]
    public async Task AcsCallback_Traced_OneTraceFromTheRequestThroughAppendAndApplyToThePush()
    {
        using var client = _trace.App.CreateClient();
        await using var hub = await _trace.App.ConnectHubAsync();

        using var response = await _trace.PostAsync(client, TraceApp.Roster("trace-e1", "call-trace", 1, muted: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _trace.App.WaitForCallAsync("call-trace", _ => true);
        var spans = await _trace.SpansWhenAsync(
            all => all.FirstOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/callbacks/acs", StringComparison.Ordinal)) is { } server
                && Named(all, server.TraceId, "hub.push") is not null,
            "the callback's server span and its hub push");
        var server = spans.First(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/callbacks/acs", StringComparison.Ordinal));
        var trace = server.TraceId;
        var authenticate = Named(spans, trace, "callback.authenticate");
        var parse = Named(spans, trace, "callback.parse");
        var append = Named(spans, trace, "eventlog.append");
        var apply = Named(spans, trace, "board.apply");
        var push = Named(spans, trace, "hub.push");

        Assert.NotNull(authenticate);
        Assert.NotNull(parse);
        Assert.NotNull(append);
        Assert.NotNull(apply);
        Assert.NotNull(push);
        // The request is the root; authentication, parse and append are its children.
        Assert.Equal(default, server.ParentSpanId);
        Assert.Equal(server.SpanId, authenticate.ParentSpanId);
        Assert.Equal(server.SpanId, parse.ParentSpanId);
        Assert.Equal(server.SpanId, append.ParentSpanId);
        Assert.Equal(1, parse.GetTagItem(TelemetryTags.EventCount));
        Assert.Equal("sqlite", append.GetTagItem(TelemetryTags.DbSystem));
        // The replica's apply (another thread) continues the append's trace, carried with the record.
        Assert.Equal(append.SpanId, apply.ParentSpanId);
        Assert.Equal("call-trace", apply.GetTagItem(TelemetryTags.CallId));
        Assert.Equal("ParticipantsUpdated", apply.GetTagItem(TelemetryTags.EventType));
        Assert.Equal("Applied", apply.GetTagItem(TelemetryTags.Outcome));
        // The push of a batch of this one event: a child of its apply, and linked to it.
        Assert.Equal(apply.SpanId, push.ParentSpanId);
        Assert.Contains(push.Links, l => l.Context.TraceId == trace && l.Context.SpanId == apply.SpanId);
    }

    [Fact]
    public async Task AcsCallbacks_ManyInOneBatch_ThePushLinksToEachEventsApply()
    {
        using var client = _trace.App.CreateClient();
        await using var hub = await _trace.App.ConnectHubAsync();

        using var response = await _trace.PostAsync(client,
            TraceApp.Connected("batch-e1", "call-batch") + "," + TraceApp.Roster("batch-e2", "call-batch", 1, muted: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spans = await _trace.SpansWhenAsync(
            all => all.Count(s => s.DisplayName == "board.apply" && Equals(s.GetTagItem(TelemetryTags.CallId), "call-batch")) == 2
                && all.Where(s => s.DisplayName == "board.apply" && Equals(s.GetTagItem(TelemetryTags.CallId), "call-batch"))
                    .All(a => all.Any(p => p.DisplayName == "hub.push" && p.Links.Any(l => l.Context.SpanId == a.SpanId))),
            "both applies, each linked from a hub push");
        var applies = spans.Where(s => s.DisplayName == "board.apply" && Equals(s.GetTagItem(TelemetryTags.CallId), "call-batch")).ToArray();
        // Both in the callback's trace, children of its one append.
        Assert.Single(applies.Select(a => a.ParentSpanId).Distinct());
        Assert.Single(applies.Select(a => a.TraceId).Distinct());
    }
}
