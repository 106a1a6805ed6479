using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Components.Layout;
using CallSupervisor.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Components;

public sealed class LiveCallsPageTests : DashboardTestContext
{
    [Fact]
    public void CallInUrl_OpensDetailWithParticipantsInvitationsAndMedia()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite());
        Store.Apply(Events.MediaStarted());
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?call=call-1");

        var cut = Render<LiveCalls>();

        var detail = cut.Find("section[aria-label='Call detail']");
        Assert.Equal("call-1", detail.GetAttribute("data-call-id"));
        Assert.Equal(2, cut.FindAll("ul[aria-label='Participants'] li[data-raw-id]").Count);
        Assert.Contains("Phone", cut.Find($"li[data-raw-id='{TestEvents.Caller.RawId}']").TextContent, StringComparison.Ordinal);
        Assert.Contains("ACS user", cut.Find($"li[data-raw-id='{TestEvents.Agent.RawId}']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Pending", cut.Find("li[data-invitation-id='inv-1']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Running", cut.Find("li[data-media-id='play-1']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StoreChanges_DetailFollowsWithoutRefresh()
    {
        Store.WithConnectedCall(Events);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?call=call-1");
        var cut = Render<LiveCalls>();

        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        cut.WaitForAssertion(() => Assert.Contains("Muted", cut.Find($"li[data-raw-id='{TestEvents.Agent.RawId}']").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownCallInUrl_SaysSo()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?call=gone");

        var cut = Render<LiveCalls>();

        Assert.Contains("not (or no longer) on the board", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ShownCount_ReflectsAllCalls()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Connected(TestEvents.Call2));

        var cut = Render<LiveCalls>();

        Assert.Equal("2 of 2 calls", cut.Find("[data-testid=shown-count]").TextContent);
    }

    [Fact]
    public void HeaderStatus_CountsFollowTheStore()
    {
        var cut = Render<HeaderStatus>();
        Assert.Equal("0", cut.Find("[data-testid=count-calls]").TextContent);

        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite());
        Store.Apply(Events.MediaStarted());

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("1", cut.Find("[data-testid=count-calls]").TextContent);
            Assert.Equal("2", cut.Find("[data-testid=count-participants]").TextContent);
            Assert.Equal("1", cut.Find("[data-testid=count-invitations]").TextContent);
            Assert.Equal("1", cut.Find("[data-testid=count-media]").TextContent);
        });
    }

    [Fact]
    public void Invitations_OldestFirst_AcrossCalls()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite("inv-old", "add-old"));
        Time.Advance(TimeSpan.FromSeconds(5));
        Store.Apply(Events.Connected(TestEvents.Call2));
        Store.Apply(Events.Invite("inv-new", "add-new", callId: TestEvents.Call2));

        var cut = Render<Invitations>();

        var rows = cut.FindAll("tr[data-invitation-id]").Select(r => r.GetAttribute("data-invitation-id")).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("inv-old", rows);
    }

    [Fact]
    public void Activity_ShowsEventsNewestFirst()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite());

        var cut = Render<Activity>();

        var items = cut.FindAll("ol[aria-label='Activity'] li");
        Assert.True(items.Count >= 2);
    }

    [Fact]
    public async Task Dispose_RemovesStoreSubscriptionAndTicker()
    {
        Render<LiveCalls>();
        Assert.Equal(1, Store.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Store.SubscriberCount);
    }

    [Fact]
    public async Task Dispose_EveryStoreSubscriberLetsGo()
    {
        Render<HeaderStatus>();
        Render<Invitations>();
        Render<Activity>();
        Assert.Equal(3, Store.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Store.SubscriberCount);
    }

    [Fact]
    public void Durations_TickWithTheClock()
    {
        Store.WithConnectedCall(Events);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?call=call-1");
        var cut = Render<LiveCalls>();
        var before = cut.Find("[data-testid=detail-duration]").TextContent;

        Time.Advance(TimeSpan.FromSeconds(61));

        cut.WaitForAssertion(() => Assert.NotEqual(before, cut.Find("[data-testid=detail-duration]").TextContent));
    }
}
