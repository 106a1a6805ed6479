using System.Diagnostics;
using System.Diagnostics.Metrics;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.Tests;
using CallSupervisor.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Hosting;

/// <summary>The operations page's figures come from the product's instruments, of this host's meter only.</summary>
public sealed class OperationsMonitorTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly ServiceProvider _services;
    private readonly CallSupervisorMetrics _metrics;
    private readonly OperationsMonitor _monitor;

    public OperationsMonitorTests()
    {
        _services = new ServiceCollection().AddMetrics().AddCallSupervisorMeter().BuildServiceProvider();
        _metrics = _services.GetRequiredService<CallSupervisorMetrics>();
        _monitor = new OperationsMonitor(_metrics, _time);
    }

    public void Dispose()
    {
        _monitor.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void Read_CallbackEvents_RateOverTheLastMinuteAndLastCallback()
    {
        _metrics.CallbackAccepted("acs");
        _metrics.CallbackEvents("acs", 4);
        _time.Advance(TimeSpan.FromSeconds(45));
        _metrics.CallbackAccepted("graph");
        _metrics.CallbackEvents("graph", 2);

        Assert.Equal(6, _monitor.Read().CallbacksPerMinute);
        Assert.Equal(_time.GetUtcNow(), _monitor.Read().LastCallback);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, _monitor.Read().CallbacksPerMinute);
    }

    [Fact]
    public void Read_CircuitsAndHubClients_FollowTheUpDownCounters()
    {
        _metrics.CircuitOpened();
        _metrics.CircuitOpened();
        _metrics.CircuitClosed();
        _metrics.HubClientConnected();

        var read = _monitor.Read();

        Assert.Equal(1, read.Circuits);
        Assert.Equal(1, read.HubClients);
        Assert.Equal(1, _monitor.HubClients);
    }

    [Fact]
    public void Read_AcsRequests_LastOutcomeCountsAndFailures()
    {
        _metrics.TelephonyRequest(TelephonyService.Acs, "GET callConnections/{id}", 200, null, Stopwatch.GetTimestamp());
        _metrics.TelephonyRequest(TelephonyService.Acs, "POST callConnections/{id}/participants:mute", 429, "429", Stopwatch.GetTimestamp());
        _metrics.TelephonyRequest(TelephonyService.Graph, "POST calls/{id}/cancelMediaProcessing", null, "timeout", Stopwatch.GetTimestamp());

        var read = _monitor.Read();

        Assert.Equal(new OperationsMonitor.AcsContact(_time.GetUtcNow(), true, "HTTP 429"), read.Acs);
        Assert.Equal(2, read.AcsRequests);
        Assert.Equal(1, read.AcsFailures);
        Assert.Equal(2, read.AcsLatency?.Count);
        Assert.Equal(1, read.GraphRequests);
        Assert.Equal(1, read.GraphFailures);
    }

    [Fact]
    public void Read_Gauges_CollectedWhenRead()
    {
        long depth = 7;
        _metrics.Meter.CreateObservableGauge(CallSupervisorMetrics.InboxDepthName, () => depth, "{event}");
        _metrics.Meter.CreateObservableGauge(CallSupervisorMetrics.InboxAgeName, () => 1.5, "s");

        Assert.Equal(7, _monitor.Read().InboxDepth);
        depth = 3;
        var read = _monitor.Read();
        Assert.Equal(3, read.InboxDepth);
        Assert.Equal(TimeSpan.FromSeconds(1.5), read.InboxAge);
    }

    [Fact]
    public void Read_AnotherHostsMeterOfTheSameName_NotCounted()
    {
        using var other = new ServiceCollection().AddMetrics().AddCallSupervisorMeter().BuildServiceProvider();
        var otherMetrics = other.GetRequiredService<CallSupervisorMetrics>();

        otherMetrics.CallbackEvents("acs", 5);
        otherMetrics.CircuitOpened();
        using var stray = new Meter(CallSupervisor.Core.Diagnostics.Telemetry.Name);
        stray.CreateCounter<long>(CallSupervisorMetrics.CallbackEventsName).Add(9);

        var read = _monitor.Read();
        Assert.Equal(0, read.CallbacksPerMinute);
        Assert.Equal(0, read.Circuits);
    }

    [Fact]
    public void Read_PushesAndRenders_SeparatedByKind()
    {
        _metrics.Pushed("changes", Stopwatch.GetTimestamp());
        _metrics.Pushed("changes", Stopwatch.GetTimestamp());
        _metrics.Pushed("figures", Stopwatch.GetTimestamp());
        _metrics.Rendered(Stopwatch.GetTimestamp());
        _metrics.Applied(Stopwatch.GetTimestamp());

        var read = _monitor.Read();

        Assert.Equal(2, read.HubPush?.Count);
        Assert.Equal(1, read.FiguresPush?.Count);
        Assert.Equal(1, read.Render?.Count);
        Assert.Equal(1, read.Apply?.Count);
        Assert.Null(read.LogAppend);
    }
}
