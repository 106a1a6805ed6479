using System.Diagnostics;
using CallSupervisor.Board;
using CallSupervisor.Board.EventLog;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.EventLog;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using CallSupervisor.Web.Tests.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>The Redis log carries an append's trace context to another instance's reader, on a real redis-server.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class RedisTraceContextTests
{
    private static CallEvent Event(string id) => new CallConnected(id, new CallId("c1"), DateTimeOffset.UnixEpoch, CallPlatform.Acs, "s", "corr", null, null);

    [Fact]
    public async Task Append_Traced_AnotherInstancesReaderContinuesTheAppendsTrace()
    {
        await using var server = await RedisServer.StartAsync();
        var options = new RedisOptions { ConnectionString = server.ConnectionString };
        await using var redisA = await ConnectionMultiplexer.ConnectAsync(BoardServiceCollectionExtensions.RedisConfiguration(options));
        await using var redisB = await ConnectionMultiplexer.ConnectAsync(BoardServiceCollectionExtensions.RedisConfiguration(options));
        var instanceA = new RedisEventLog(redisA, options, "a");
        var instanceB = new RedisEventLog(redisB, options, "b");
        // Before anything listens: appended without a trace.
        await instanceA.AppendAsync([Event("untraced")], CancellationToken.None);
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(Core.Diagnostics.Telemetry.Name).AddInMemoryExporter(exported).Build();
        ActivityContext request;

        using (var callback = new Activity("callback") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start())
        {
            await instanceA.AppendAsync([Event("traced")], CancellationToken.None);
            request = callback.Context;
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var records = new List<LogRecord>();
        await foreach (var record in instanceB.ReadAsync(null, cts.Token))
        {
            records.Add(record);
            if (records.Count == 2)
            {
                break;
            }
        }
        var append = Assert.Single(exported.ToArray(), s => s.DisplayName == "eventlog.append");
        Assert.Equal(request.SpanId, append.ParentSpanId);
        Assert.Equal("XADD", append.GetTagItem(TelemetryTags.DbOperation));
        Assert.Equal(default, records[0].Context);
        Assert.Equal(request.TraceId, records[1].Context.TraceId);
        Assert.Equal(append.SpanId, records[1].Context.SpanId);
        Assert.True(records[1].Context.IsRemote);
        // On the wire: a traceparent field beside the event, only on the traced entry.
        var entries = await redisA.GetDatabase().StreamRangeAsync(options.KeyPrefix + "events");
        Assert.True(entries[0][TraceParent.Field].IsNull);
        Assert.Equal(TraceParent.Format(records[1].Context), entries[1][TraceParent.Field].ToString());
    }
}
