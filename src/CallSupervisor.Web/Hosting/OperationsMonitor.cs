using System.Diagnostics.Metrics;
using CallSupervisor.Core.Diagnostics;
using M = CallSupervisor.Core.Diagnostics.CallSupervisorMetrics;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// What an operator needs to know about this instance, read from the product's own instruments
/// (<see cref="CallSupervisorMetrics"/>) by an in-process <see cref="MeterListener"/> on this host's meter: the
/// Operations page and an exporter see the same measurements, so they cannot disagree. Counts are kept over the
/// last minute (<see cref="RollingCount"/>), durations as a minute's percentiles (<see cref="RollingLatency"/>), and
/// gauges are read when the page asks.
/// </summary>
public sealed class OperationsMonitor : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Meter _meter;
    private readonly TimeProvider _time;
    private readonly RollingCount _events;
    private readonly RollingCount _refused;
    private readonly RollingCount _acsRequests;
    private readonly RollingCount _acsFailures;
    private readonly RollingCount _graphRequests;
    private readonly RollingCount _graphFailures;
    private readonly RollingCount _reconcileRequests;
    private readonly RollingCount _reconcileThrottled;
    private readonly RollingLatency _append;
    private readonly RollingLatency _apply;
    private readonly RollingLatency _changesPush;
    private readonly RollingLatency _figuresPush;
    private readonly RollingLatency _render;
    private readonly RollingLatency _acsLatency;
    private readonly Lock _gaugeGate = new();
    private long _circuits;
    private long _hubClients;
    private long _lastCallbackTicks;
    private string? _lastRefusal;
    private AcsContact? _acs;
    private long? _inboxDepth;
    private double? _inboxAge;
    private long? _auditQueue;

    /// <summary>The last ACS request that got an answer (any HTTP status) or failed to get one.</summary>
    public sealed record AcsContact(DateTimeOffset At, bool Reachable, string Detail);

    /// <summary>The figures of the page; counts and durations are over the last minute.</summary>
    public sealed record Snapshot(
        AcsContact? Acs, DateTimeOffset? LastCallback, double CallbacksPerMinute, int Circuits, int HubClients)
    {
        public long RefusedPerMinute { get; init; }

        public string? LastRefusal { get; init; }

        public long? InboxDepth { get; init; }

        public TimeSpan? InboxAge { get; init; }

        public LatencySummary? LogAppend { get; init; }

        public LatencySummary? Apply { get; init; }

        public LatencySummary? HubPush { get; init; }

        public LatencySummary? FiguresPush { get; init; }

        public LatencySummary? Render { get; init; }

        public long AcsRequests { get; init; }

        public long AcsFailures { get; init; }

        public LatencySummary? AcsLatency { get; init; }

        public long GraphRequests { get; init; }

        public long GraphFailures { get; init; }

        public long ReconcileRequests { get; init; }

        public long ReconcileThrottled { get; init; }

        public long? AuditQueue { get; init; }
    }

    public OperationsMonitor(CallSupervisorMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _meter = metrics.Meter;
        _time = time;
        (_events, _refused, _acsRequests, _acsFailures) = (new(time), new(time), new(time), new(time));
        (_graphRequests, _graphFailures, _reconcileRequests, _reconcileThrottled) = (new(time), new(time), new(time), new(time));
        (_append, _apply, _changesPush, _figuresPush, _render, _acsLatency) = (new(time), new(time), new(time), new(time), new(time), new(time));
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // This host's meter only: another app in the same process (tests, two instances) has its own.
            if (ReferenceEquals(instrument.Meter, _meter) && Watched(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    /// <summary>
    /// Hub clients connected (or connecting: counted before their snapshot is read) now — cheap: read by the hub's
    /// pushes before each batch and by the figures' push every second.
    /// </summary>
    public int HubClients => (int)Interlocked.Read(ref _hubClients);

    public Snapshot Read()
    {
        lock (_gaugeGate)
        {
            // Gauges report only when collected: collect this listener's now (exporters collect on their own schedule).
            _listener.RecordObservableInstruments();
            var last = Interlocked.Read(ref _lastCallbackTicks);
            return new Snapshot(_acs, last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero),
                _events.Sum() / RollingCount.Window.TotalMinutes, (int)Interlocked.Read(ref _circuits), HubClients)
            {
                RefusedPerMinute = _refused.Sum(),
                LastRefusal = _lastRefusal,
                InboxDepth = _inboxDepth,
                InboxAge = _inboxAge is { } age ? TimeSpan.FromSeconds(age) : null,
                LogAppend = _append.Read(),
                Apply = _apply.Read(),
                HubPush = _changesPush.Read(),
                FiguresPush = _figuresPush.Read(),
                Render = _render.Read(),
                AcsRequests = _acsRequests.Sum(),
                AcsFailures = _acsFailures.Sum(),
                AcsLatency = _acsLatency.Read(),
                GraphRequests = _graphRequests.Sum(),
                GraphFailures = _graphFailures.Sum(),
                ReconcileRequests = _reconcileRequests.Sum(),
                ReconcileThrottled = _reconcileThrottled.Sum(),
                AuditQueue = _auditQueue,
            };
        }
    }

    private static bool Watched(string name) => name is M.CallbackReceivedName or M.CallbackRefusedName or M.CallbackEventsName
        or M.InboxDepthName or M.InboxAgeName or M.LogAppendDurationName or M.ApplyDurationName or M.PushDurationName
        or M.RenderDurationName or M.CircuitsName or M.HubConnectionsName or M.AcsRequestDurationName
        or M.GraphRequestDurationName or M.ReconcileRequestsName or M.ReconcileThrottledName or M.AuditQueueDepthName;

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case M.CallbackEventsName:
                _events.Add(value);
                break;
            case M.CallbackReceivedName:
                Interlocked.Exchange(ref _lastCallbackTicks, _time.GetUtcNow().UtcTicks);
                break;
            case M.CallbackRefusedName:
                _refused.Add(value);
                _lastRefusal = Tag(tags, M.ErrorTypeTag) as string;
                break;
            case M.CircuitsName:
                Interlocked.Add(ref _circuits, value);
                break;
            case M.HubConnectionsName:
                Interlocked.Add(ref _hubClients, value);
                break;
            case M.ReconcileRequestsName:
                _reconcileRequests.Add(value);
                break;
            case M.ReconcileThrottledName:
                _reconcileThrottled.Add(value);
                break;
            case M.InboxDepthName:
                _inboxDepth = value;
                break;
            case M.AuditQueueDepthName:
                _auditQueue = value;
                break;
        }
    }

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case M.LogAppendDurationName:
                _append.Record(value);
                break;
            case M.ApplyDurationName:
                _apply.Record(value);
                break;
            case M.PushDurationName:
                (Tag(tags, M.PushKindTag) as string == "figures" ? _figuresPush : _changesPush).Record(value);
                break;
            case M.RenderDurationName:
                _render.Record(value);
                break;
            case M.InboxAgeName:
                _inboxAge = value;
                break;
            case M.AcsRequestDurationName:
                OnAcsRequest(value, tags);
                break;
            case M.GraphRequestDurationName:
                _graphRequests.Add(1);
                if (Tag(tags, M.ErrorTypeTag) is not null)
                {
                    _graphFailures.Add(1);
                }
                break;
        }
    }

    private void OnAcsRequest(double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _acsRequests.Add(1);
        _acsLatency.Record(seconds);
        var error = Tag(tags, M.ErrorTypeTag) as string;
        if (error is not null)
        {
            _acsFailures.Add(1);
        }
        // Any HTTP answer, even an error status, means ACS is reachable; no answer (timeout, network) means it is not.
        _acs = Tag(tags, M.StatusCodeTag) is int status
            ? new AcsContact(_time.GetUtcNow(), true, $"HTTP {status}")
            : new AcsContact(_time.GetUtcNow(), false, error ?? "no answer");
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }
        return null;
    }

    public void Dispose() => _listener.Dispose();
}
