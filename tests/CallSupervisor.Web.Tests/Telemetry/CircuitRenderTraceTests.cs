using System.Diagnostics;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Testing;
using CallSupervisor.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CallSupervisor.Web.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class CircuitRenderTraceTests : BunitContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public async Task FeedComponent_BatchOfATracedChange_RendersInASpanLinkedToIt()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(CallSupervisor.Core.Diagnostics.Telemetry.Name).AddInMemoryExporter(exported).Build();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new CallSupervisorMetrics(new CallSupervisorMeter()));
        var feed = new StateFeed<string, int>("s0", TimeSpan.Zero);
        var cut = Render<FeedProbe>(p => p.Add(x => x.Source, feed));
        ActivityContext applied;

        using (var apply = new Activity("board.apply") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start())
        {
            feed.Update(_ => ("s1", System.Collections.Immutable.ImmutableArray.Create(1), 0));
            applied = apply.Context;
        }

        cut.WaitForAssertion(() => Assert.Equal("s1", cut.Markup), TimeSpan.FromSeconds(30));
        var spans = await Eventually.UntilAsync(() => Task.FromResult(exported.ToArray()),
            all => all.Any(s => s.DisplayName == "circuit.render"), "the render's span");
        var render = spans.Single(s => s.DisplayName == "circuit.render");
        Assert.Equal(applied.TraceId, render.TraceId);
        Assert.Equal(applied.SpanId, render.ParentSpanId);
        Assert.Contains(render.Links, l => l.Context.SpanId == applied.SpanId);
        Assert.Equal(nameof(FeedProbe), render.GetTagItem(TelemetryTags.Component));
        Assert.Equal(true, render.GetTagItem("callsupervisor.render.acknowledged"));
    }

    [Fact]
    public void FeedComponent_BatchOfUntracedChange_StartsNoSpan()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(CallSupervisor.Core.Diagnostics.Telemetry.Name).AddInMemoryExporter(exported).Build();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new CallSupervisorMetrics(new CallSupervisorMeter()));
        var feed = new StateFeed<string, int>("s0", TimeSpan.Zero);
        var cut = Render<FeedProbe>(p => p.Add(x => x.Source, feed));

        feed.Update(_ => ("s1", System.Collections.Immutable.ImmutableArray.Create(1), 0));

        cut.WaitForAssertion(() => Assert.Equal("s1", cut.Markup), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(exported.ToArray(), s => s.DisplayName == "circuit.render");
    }

    /// <summary>The smallest live feed component: shows the state.</summary>
    private sealed class FeedProbe : FeedComponentBase<string, int>
    {
        [Parameter]
        public StateFeed<string, int> Source { get; set; } = null!;

        protected override FeedSubscription<string, int> Subscribe(CancellationToken cancellationToken) => Source.Subscribe(cancellationToken);

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, State);
    }
}
