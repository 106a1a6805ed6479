using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CallSupervisor.Core.Diagnostics;

/// <summary>
/// The product's instruments on the one <see cref="CallSupervisorMeter"/>, named and measured after OpenTelemetry's
/// semantic conventions (README, "Metrics"): durations are histograms in seconds, counts carry a UCUM annotation.
/// Exporters and the Operations page read these same instruments. Each method returns at once when nothing listens
/// to its instrument, before any tag is built.
/// </summary>
public sealed class CallSupervisorMetrics
{
    public const string EndpointTag = "callsupervisor.endpoint";
    public const string ErrorTypeTag = "error.type";
    public const string OperationTag = "callsupervisor.operation";
    public const string StatusCodeTag = "http.response.status_code";
    public const string PushKindTag = "callsupervisor.push.kind";
    public const string ServiceTag = "callsupervisor.service";
    public const string QueueTag = "callsupervisor.queue";
    public const string AgentStateTag = "callsupervisor.agent.state";

    public const string CallbackReceivedName = "callsupervisor.callback.received";
    public const string CallbackRefusedName = "callsupervisor.callback.refused";
    public const string CallbackEventsName = "callsupervisor.callback.events";
    public const string InboxDepthName = "callsupervisor.inbox.depth";
    public const string InboxAgeName = "callsupervisor.inbox.age";
    public const string LogAppendDurationName = "callsupervisor.event_log.append.duration";
    public const string ApplyDurationName = "callsupervisor.replica.apply.duration";
    public const string PushDurationName = "callsupervisor.push.duration";
    public const string RenderDurationName = "callsupervisor.circuit.render.duration";
    public const string CircuitsName = "callsupervisor.circuit.active";
    public const string HubConnectionsName = "callsupervisor.hub.active_connections";
    public const string AcsRequestDurationName = "callsupervisor.acs.request.duration";
    public const string GraphRequestDurationName = "callsupervisor.graph.request.duration";
    public const string ReconcileRequestsName = "callsupervisor.reconcile.requests";
    public const string ReconcileThrottledName = "callsupervisor.reconcile.throttled";
    public const string AuditQueueDepthName = "callsupervisor.audit.queue.depth";
    public const string QueueWaitingName = "callsupervisor.queue.waiting";
    public const string QueueLongestWaitName = "callsupervisor.queue.longest_wait";
    public const string AgentsName = "callsupervisor.agents";

    // Latencies here run from well under a millisecond (an append, an apply) to seconds (a throttled ACS request):
    // the default boundaries (0–10,000, meant for milliseconds) would put every one of them in the first bucket.
    private static readonly InstrumentAdvice<double> SecondsAdvice = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private readonly Counter<long> _callbacksReceived;
    private readonly Counter<long> _callbacksRefused;
    private readonly Counter<long> _callbackEvents;
    private readonly Histogram<double> _logAppend;
    private readonly Histogram<double> _apply;
    private readonly Histogram<double> _push;
    private readonly Histogram<double> _render;
    private readonly UpDownCounter<long> _circuits;
    private readonly UpDownCounter<long> _hubConnections;
    private readonly Histogram<double> _acsRequests;
    private readonly Histogram<double> _graphRequests;
    private readonly Counter<long> _reconcileRequests;
    private readonly Counter<long> _reconcileThrottled;

    public CallSupervisorMetrics(CallSupervisorMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        Meter = meter.Meter;
        _callbacksReceived = Meter.CreateCounter<long>(CallbackReceivedName, "{callback}", "Callbacks acknowledged, by endpoint.");
        _callbacksRefused = Meter.CreateCounter<long>(CallbackRefusedName, "{callback}", "Callbacks refused (4xx/5xx), by endpoint and reason.");
        _callbackEvents = Meter.CreateCounter<long>(CallbackEventsName, "{event}", "Events in acknowledged callbacks, by endpoint.");
        _logAppend = Meter.CreateHistogram(LogAppendDurationName, "s", "Time to append one batch to the event log.", advice: SecondsAdvice);
        _apply = Meter.CreateHistogram(ApplyDurationName, "s", "Time to apply one log record to this instance's board.", advice: SecondsAdvice);
        _push = Meter.CreateHistogram(PushDurationName, "s", "Time to write one push to every hub client, by kind.", advice: SecondsAdvice);
        _render = Meter.CreateHistogram(RenderDurationName, "s", "Time from a change batch reaching a dashboard to its browser applying the render.", advice: SecondsAdvice);
        _circuits = Meter.CreateUpDownCounter<long>(CircuitsName, "{circuit}", "Open dashboard circuits.");
        _hubConnections = Meter.CreateUpDownCounter<long>(HubConnectionsName, "{connection}", "Connected hub clients.");
        _acsRequests = Meter.CreateHistogram(AcsRequestDurationName, "s", "ACS requests (retries included), by operation and outcome.", advice: SecondsAdvice);
        _graphRequests = Meter.CreateHistogram(GraphRequestDurationName, "s", "Graph requests (retries included), by operation and outcome.", advice: SecondsAdvice);
        _reconcileRequests = Meter.CreateCounter<long>(ReconcileRequestsName, "{request}", "Re-reads of a live call sent to its service.");
        _reconcileThrottled = Meter.CreateCounter<long>(ReconcileThrottledName, "{response}", "Re-reads answered 429/503: the service's re-reads back off.");
    }

    /// <summary>The meter the instruments live on (observable gauges of other rooms are created on it too).</summary>
    public Meter Meter { get; }

    /// <summary>A callback answered with success (its events are counted by <see cref="CallbackEvents"/>).</summary>
    public void CallbackAccepted(string endpoint)
    {
        if (_callbacksReceived.Enabled)
        {
            _callbacksReceived.Add(1, new KeyValuePair<string, object?>(EndpointTag, endpoint));
        }
    }

    /// <summary>The events of an acknowledged callback.</summary>
    public void CallbackEvents(string endpoint, int events)
    {
        if (_callbackEvents.Enabled && events > 0)
        {
            _callbackEvents.Add(events, new KeyValuePair<string, object?>(EndpointTag, endpoint));
        }
    }

    public void CallbackRefused(string endpoint, string reason)
    {
        if (_callbacksRefused.Enabled)
        {
            _callbacksRefused.Add(1, new KeyValuePair<string, object?>(EndpointTag, endpoint), new KeyValuePair<string, object?>(ErrorTypeTag, reason));
        }
    }

    /// <summary>Whether a log append's duration is wanted (skip the clock when not).</summary>
    public bool LogAppendEnabled => _logAppend.Enabled;

    public void LogAppended(long startTimestamp) => Record(_logAppend, startTimestamp);

    public bool ApplyEnabled => _apply.Enabled;

    public void Applied(long startTimestamp) => Record(_apply, startTimestamp);

    public bool PushEnabled => _push.Enabled;

    /// <summary>A push written to the hub's clients; <paramref name="kind"/> is "changes" or "figures".</summary>
    public void Pushed(string kind, long startTimestamp)
    {
        if (_push.Enabled)
        {
            _push.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>(PushKindTag, kind));
        }
    }

    public bool RenderEnabled => _render.Enabled;

    public void Rendered(long startTimestamp) => Record(_render, startTimestamp);

    public void CircuitOpened() => _circuits.Add(1);

    public void CircuitClosed() => _circuits.Add(-1);

    public void HubClientConnected() => _hubConnections.Add(1);

    public void HubClientDisconnected() => _hubConnections.Add(-1);

    /// <summary>Whether a telephony service's request durations are wanted.</summary>
    public bool TelephonyEnabled(TelephonyService service) => Requests(service).Enabled;

    /// <summary>
    /// One logical request to ACS or Graph (its retries included): the status it ended with, or the failure
    /// (<c>error.type</c>: the status code for an error status, else <c>timeout</c>, <c>network_error</c>, …).
    /// </summary>
    public void TelephonyRequest(TelephonyService service, string operation, int? status, string? errorType, long startTimestamp)
    {
        var histogram = Requests(service);
        if (!histogram.Enabled)
        {
            return;
        }
        var tags = new TagList { { OperationTag, operation } };
        if (status is { } code)
        {
            tags.Add(StatusCodeTag, code);
        }
        if (errorType is not null)
        {
            tags.Add(ErrorTypeTag, errorType);
        }
        histogram.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
    }

    public void ReconcileRequested(TelephonyService service)
    {
        if (_reconcileRequests.Enabled)
        {
            _reconcileRequests.Add(1, new KeyValuePair<string, object?>(ServiceTag, ServiceName(service)));
        }
    }

    public void ReconcileThrottled(TelephonyService service, int? status)
    {
        if (_reconcileThrottled.Enabled)
        {
            _reconcileThrottled.Add(1, new KeyValuePair<string, object?>(ServiceTag, ServiceName(service)), new KeyValuePair<string, object?>(StatusCodeTag, status));
        }
    }

    public static string ServiceName(TelephonyService service) => service == TelephonyService.Graph ? "graph" : "acs";

    private Histogram<double> Requests(TelephonyService service) => service == TelephonyService.Graph ? _graphRequests : _acsRequests;

    private static void Record(Histogram<double> histogram, long startTimestamp)
    {
        if (histogram.Enabled)
        {
            histogram.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
        }
    }
}

/// <summary>The telephony service a request or a re-read went to.</summary>
public enum TelephonyService
{
    Acs,
    Graph,
}
