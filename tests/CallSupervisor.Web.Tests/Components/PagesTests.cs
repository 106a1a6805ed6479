using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Components.Pages;
using CallSupervisor.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>Invitations, Activity and Operations over the real store.</summary>
public sealed class PagesTests : DashboardTestContext
{
    [Fact]
    public void Invitations_OldestFirstAcrossCallsNamingTheCall()
    {
        Store.Apply(new CallConnected(Events.NextId(), TestEvents.Call1, Events.Now, CallPlatform.Acs, null, null, TestEvents.Caller, TestEvents.Agent) { CallerName = "Alice Smith" });
        Store.Apply(Events.Invite("inv-old", "add-old", TestEvents.Agent2));
        Store.Apply(Events.Connected(TestEvents.Call2));
        Store.Apply(Events.Invite("inv-new", "add-new", TestEvents.Agent2, TestEvents.Call2));

        var cut = Render<Invitations>();

        var rows = cut.FindAll("table tr[data-invitation-id]");
        Assert.Equal(["inv-old", "inv-new"], rows.Select(r => r.GetAttribute("data-invitation-id")));
        Assert.Contains("Alice Smith", rows[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[0].QuerySelector("button[aria-label^='Cancel invite to']"));
    }

    [Fact]
    public void Activity_StrictTimeOrderNamingEachCall()
    {
        Store.Apply(new CallConnected(Events.NextId(), TestEvents.Call1, Events.Now, CallPlatform.Acs, null, null, TestEvents.Caller, TestEvents.Agent) { CallerName = "Alice Smith" });
        var late = Events.Roster(1, TestEvents.In(TestEvents.Caller));
        var early = Events.MediaStarted() with { OccurredAt = late.OccurredAt - TimeSpan.FromMinutes(5) };
        Store.Apply(late);
        Store.Apply(early);

        var cut = Render<Activity>();

        var times = cut.FindAll("li.cs-activity-entry time").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.All(cut.FindAll("li.cs-activity-entry a"), a => Assert.Equal("Alice Smith", a.TextContent));
    }

    [Fact]
    public void Activity_EntriesCarryTheirKindAndWhoActed()
    {
        Store.WithConnectedCall(Events);
        Store.MarkMute(TestEvents.Agent, StoreTestKit.Request("alice"));

        var cut = Render<Activity>();

        var action = cut.FindAll("li.cs-activity-entry").First(li => li.TextContent.Contains("requested", StringComparison.Ordinal));
        Assert.Contains("Supervisor actions", action.TextContent, StringComparison.Ordinal);
        Assert.Contains("by alice", action.TextContent, StringComparison.Ordinal);
        Assert.Equal(ActivityCategory.Action, Store.Current.Activity[0].Category);
        Assert.Equal(ActivityCategory.Participants, Store.Current.Activity.First(e => e.Text.Contains("joined", StringComparison.Ordinal)).Category);
    }

    [Fact]
    public void Operations_ShowsCallbacksAcsAndConnections()
    {
        // Resolved first: its listener hears only what is measured after it exists (as in the app, from startup).
        _ = Services.GetRequiredService<OperationsMonitor>();
        var metrics = Services.GetRequiredService<CallSupervisor.Core.Diagnostics.CallSupervisorMetrics>();
        metrics.CallbackAccepted("acs");
        metrics.CallbackEvents("acs", 3);
        metrics.TelephonyRequest(CallSupervisor.Core.Diagnostics.TelephonyService.Acs, "POST callConnections/{id}/participants:mute", 200, null, System.Diagnostics.Stopwatch.GetTimestamp());
        metrics.CircuitOpened();

        var cut = Render<Operations>();

        Assert.Contains("Reachable", cut.Find("[data-testid=ops-acs]").TextContent, StringComparison.Ordinal);
        Assert.Contains("HTTP 200", cut.Find("[data-testid=ops-acs]").TextContent, StringComparison.Ordinal);
        Assert.Equal("3 events per minute", cut.Find("[data-testid=ops-rate]").TextContent);
        Assert.Equal("0:00 ago", cut.Find("[data-testid=ops-last-callback]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=ops-circuits]").TextContent);
        Assert.Equal("1, 0 failed", cut.Find("[data-testid=ops-acs-requests]").TextContent);
        Assert.StartsWith("0 of 1000", cut.Find("[data-testid=ops-queue]").TextContent, StringComparison.Ordinal);
        Assert.Contains("SQLite event log: available", cut.Find("[data-testid=ops-log]").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("leading (expiries, re-reads from ACS, checkpoints)", cut.Find("[data-testid=ops-instance]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Operations_ShowsRefusalsTimesThrottlingAndQueuesFromTheInstruments()
    {
        _ = Services.GetRequiredService<OperationsMonitor>();
        var metrics = Services.GetRequiredService<CallSupervisor.Core.Diagnostics.CallSupervisorMetrics>();
        metrics.CallbackRefused("acs", "malformed");
        metrics.CallbackRefused("acs", "unauthenticated");
        metrics.TelephonyRequest(CallSupervisor.Core.Diagnostics.TelephonyService.Acs, "POST callConnections/{id}/participants:mute", null, "network_error", System.Diagnostics.Stopwatch.GetTimestamp());
        metrics.ReconcileRequested(CallSupervisor.Core.Diagnostics.TelephonyService.Acs);
        metrics.ReconcileRequested(CallSupervisor.Core.Diagnostics.TelephonyService.Acs);
        metrics.ReconcileThrottled(CallSupervisor.Core.Diagnostics.TelephonyService.Acs, 429);
        metrics.LogAppended(System.Diagnostics.Stopwatch.GetTimestamp());
        metrics.LogAppended(System.Diagnostics.Stopwatch.GetTimestamp());
        metrics.HubClientConnected();
        metrics.Meter.CreateObservableGauge(CallSupervisor.Core.Diagnostics.CallSupervisorMetrics.AuditQueueDepthName, () => 4L, "{update}");

        var cut = Render<Operations>();

        Assert.Equal("2 (last: unauthenticated)", cut.Find("[data-testid=ops-refused]").TextContent);
        Assert.Contains("Unreachable", cut.Find("[data-testid=ops-acs]").TextContent, StringComparison.Ordinal);
        Assert.Contains("network_error", cut.Find("[data-testid=ops-acs]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1, 1 failed", cut.Find("[data-testid=ops-acs-requests]").TextContent);
        Assert.Equal("2, 1 throttled", cut.Find("[data-testid=ops-reconcile]").TextContent);
        Assert.EndsWith(" (2)", cut.Find("[data-testid=ops-time-append]").TextContent, StringComparison.Ordinal);
        Assert.Equal("—", cut.Find("[data-testid=ops-time-apply]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=ops-hub]").TextContent);
        Assert.Equal("4 waiting", cut.Find("[data-testid=ops-audit]").TextContent);
    }
}
