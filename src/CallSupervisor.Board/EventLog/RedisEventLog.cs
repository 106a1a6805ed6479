using System.Diagnostics;
using System.Runtime.CompilerServices;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.EventLog;
using StackExchange.Redis;

namespace CallSupervisor.Board.EventLog;

/// <summary>
/// The event log shared by several instances: one Redis stream. Every instance appends what it receives (XADD, in
/// order on the one multiplexed connection) and tails the stream, woken by a pub/sub notice after each append (and
/// by a short poll, should a notice be missed), so all stores apply the same records in the same order. The stream
/// is trimmed to about <see cref="RedisOptions.StreamLength"/> entries; the checkpoint (a hash) lets a new or
/// restarted instance start from a recent state instead of the stream's beginning. An entry appended while tracing
/// carries its append's W3C <c>traceparent</c> beside the event, so the apply on every instance continues that trace.
/// The XADDs and XREADs have spans of their own (<c>eventlog.append</c>, <c>eventlog.read</c>): the Redis
/// instrumentation package is a beta only.
/// </summary>
public sealed class RedisEventLog(IConnectionMultiplexer redis, RedisOptions options, string origin) : IEventLog, ICheckpointStore, IEventLogProbe
{
    private readonly RedisKey _stream = options.KeyPrefix + "events";
    private readonly RedisKey _checkpoint = options.KeyPrefix + "checkpoint";
    private readonly RedisChannel _appended = RedisChannel.Literal(options.KeyPrefix + "events:appended");

    public async Task<string> AppendAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("Nothing to append.", nameof(events));
        }
        if (!redis.IsConnected)
        {
            // Known lost (Redis died or restarts): refused at once, so the callback is answered 503 without waiting.
            throw new EventLogUnavailableException("Redis is not connected; the events were not taken.");
        }
        var db = redis.GetDatabase();
        using var activity = Telemetry.Source.StartActivity("eventlog.append", ActivityKind.Client);
        activity?.SetTag(TelemetryTags.DbSystem, "redis").SetTag(TelemetryTags.DbOperation, "XADD").SetTag(TelemetryTags.EventCount, events.Count);
        var traceparent = activity is null ? RedisValue.Null : (RedisValue)TraceParent.Format(activity.Context);
        try
        {
            // Issued back to back on one connection: Redis receives and appends them in this order.
            var adds = events
                .Select(e => db.StreamAddAsync(_stream, Fields(e, traceparent), maxLength: options.StreamLength, useApproximateMaxLength: true))
                .ToArray();
            var ids = await Task.WhenAll(adds).ConfigureAwait(false);
            _ = redis.GetSubscriber().PublishAsync(_appended, ids[^1], CommandFlags.FireAndForget);
            activity?.SetTag(TelemetryTags.Position, ids[^1].ToString());
            return ids[^1].ToString();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw new EventLogUnavailableException("Redis did not take the events: " + ex.Message, ex);
        }
    }

    public async IAsyncEnumerable<LogRecord> ReadAsync(string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = after ?? "0-0";
        var wake = new SemaphoreSlim(0, int.MaxValue);
        var subscriber = redis.GetSubscriber();
        Action<RedisChannel, RedisValue> onAppended = (_, _) => wake.Release();
        await Guard(() => subscriber.SubscribeAsync(_appended, onAppended)).ConfigureAwait(false);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entries = await ReadEntriesAsync(position).ConfigureAwait(false);
                // The entries' trace contexts are parsed only when something listens: nobody else would read them.
                var traced = Telemetry.Source.HasListeners();
                foreach (var entry in entries)
                {
                    position = entry.Id.ToString();
                    yield return new LogRecord(position, entry["o"].ToString(), EventJson.Deserialize(entry["e"].ToString()))
                    {
                        Context = traced ? TraceParent.Parse(entry[TraceParent.Field].ToString()) : default,
                    };
                }
                if (entries.Length == 0)
                {
                    await wake.WaitAsync(options.PollInterval, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await subscriber.UnsubscribeAsync(_appended, onAppended, CommandFlags.FireAndForget).ConfigureAwait(false);
            wake.Dispose();
        }
    }

    private NameValueEntry[] Fields(CallEvent callEvent, RedisValue traceparent) => traceparent.IsNull
        ? [new("o", origin), new("e", EventJson.Serialize(callEvent))]
        : [new("o", origin), new("e", EventJson.Serialize(callEvent)), new(TraceParent.Field, traceparent)];

    // One XREAD. Its span is kept only when it returned entries: the reader polls an idle stream, and an empty read
    // every poll interval would bury the traces that matter.
    private async Task<StreamEntry[]> ReadEntriesAsync(string position)
    {
        using var activity = Telemetry.Source.StartActivity("eventlog.read", ActivityKind.Client);
        var entries = await Guard(() => redis.GetDatabase().StreamReadAsync(_stream, position, count: 1000)).ConfigureAwait(false);
        if (activity is not null)
        {
            if (entries.Length == 0)
            {
                activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
                activity.IsAllDataRequested = false;
            }
            else
            {
                activity.SetTag(TelemetryTags.DbSystem, "redis").SetTag(TelemetryTags.DbOperation, "XREAD").SetTag(TelemetryTags.EventCount, entries.Length);
            }
        }
        return entries;
    }

    public async Task<string?> LastPositionAsync(CancellationToken cancellationToken)
    {
        var last = await Guard(() => redis.GetDatabase().StreamRangeAsync(_stream, "-", "+", count: 1, messageOrder: Order.Descending)).ConfigureAwait(false);
        return last.Length == 0 ? null : last[0].Id.ToString();
    }

    public async Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken)
    {
        var fields = await Guard(() => redis.GetDatabase().HashGetAllAsync(_checkpoint)).ConfigureAwait(false);
        var values = fields.ToDictionary(f => f.Name.ToString(), f => f.Value);
        return values.TryGetValue("position", out var position) && values.TryGetValue("state", out var state) && values.TryGetValue("at", out var at)
            ? new Checkpoint(position.ToString(), (byte[])state!, DateTimeOffset.FromUnixTimeMilliseconds((long)at))
            : null;
    }

    public Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return Guard(() => redis.GetDatabase().HashSetAsync(_checkpoint,
        [
            new("position", checkpoint.Position),
            new("state", checkpoint.State),
            new("at", checkpoint.At.ToUnixTimeMilliseconds()),
        ]));
    }

    /// <summary>A short-lived key of this instance's own: whether Redis takes writes now, without adding a record.</summary>
    public Task ProbeAsync(CancellationToken cancellationToken) =>
        Guard(() => redis.GetDatabase().StringSetAsync(options.KeyPrefix + "probe:" + origin, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), TimeSpan.FromMinutes(1)));

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw new EventLogUnavailableException("Redis is unavailable: " + ex.Message, ex);
        }
    }

    private static async Task Guard(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw new EventLogUnavailableException("Redis is unavailable: " + ex.Message, ex);
        }
    }
}
