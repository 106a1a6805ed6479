using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Components.Controls;
using CallSupervisor.Web.Components.Layout;
using CallSupervisor.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>The live calls page over the real store: selection, a list that does not move, attention, summary.</summary>
public sealed class LiveCallsPageTests : DashboardTestContext
{
    private static readonly CallId Call3 = new("call-3");

    private IRenderedComponent<LiveCalls> Page(string? selected = null)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(selected is null ? "/" : "/?call=" + selected);
        return Render<LiveCalls>();
    }

    private static List<string?> Order(IRenderedComponent<LiveCalls> cut) =>
        [.. cut.FindAll(".cs-cards .cs-call-link").Select(a => a.TextContent)];

    [Fact]
    public void FirstRender_BeforeTheBrowserMeasuredAnything_GridAndCardsHaveEveryRowTheCountSays()
    {
        // The browser's answer to the virtualiser's first measurement never comes (as before the circuit's first
        // round trip, and in the prerendered page): the rows must not wait for it.
        JSInterop.SetupVoid("Blazor._internal.Virtualize.init", _ => true);
        for (var i = 0; i < 6; i++)
        {
            Store.Apply(Events.Connected(new CallId("call-" + i)));
        }

        var cut = Page();

        Assert.Equal("6 shown", cut.Find("[data-testid='shown-count']").TextContent);
        Assert.Equal(6, cut.FindAll(".cs-grid a.cs-call-link").Count);
        Assert.Equal(6, cut.FindAll(".cs-cards a.cs-call-link").Count);
    }

    [Fact]
    public void Prerender_LongBoard_FirstRowsDrawnWithoutWaitingForTheBrowser()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        JSInterop.SetupVoid("Blazor._internal.Virtualize.init", _ => true);
        for (var i = 0; i < CallsGrid.VirtualizeAbove + 10; i++)
        {
            Store.Apply(Events.Connected(new CallId("call-" + i)));
        }

        var cut = Page();

        Assert.Equal($"{CallsGrid.VirtualizeAbove + 10} shown", cut.Find("[data-testid='shown-count']").TextContent);
        Assert.Equal(CallsGrid.VirtualizeAbove, cut.FindAll(".cs-grid a.cs-call-link").Count);
        Assert.Equal(CallsGrid.VirtualizeAbove, cut.FindAll(".cs-cards a.cs-call-link").Count);
    }

    [Fact]
    public void CallInUrl_OpensItsDetail()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite(target: TestEvents.Agent2));

        var cut = Page("call-1");

        Assert.Equal("call-1", cut.Find("section[aria-label='Call detail']").GetAttribute("data-call-id"));
    }

    [Fact]
    public void UnknownCallInUrl_SaysSo()
    {
        var cut = Page("gone");

        Assert.Contains("not (or no longer) on the board", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void StoreChanges_DetailFollowsWithoutRefresh()
    {
        Store.WithConnectedCall(Events);
        var cut = Page("call-1");

        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        cut.WaitForAssertion(() => Assert.Contains("Muted", cut.Find("li[data-kind='CommunicationUser']").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Mute_UpdatesTheGridRowInPlaceInsteadOfDrawingItAgain()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Roster(1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent)));
        var cut = Page();
        var grid = cut.FindComponent<CallsGrid>();
        grid.WaitForState(() => grid.FindComponents<AttentionTag>().Count == 1);
        var before = grid.FindComponent<AttentionTag>().Instance;

        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        // The row's components live on (the grid keys its rows by the item): only the Muted cell's text is sent.
        grid.WaitForAssertion(() => Assert.Equal(1, grid.FindComponent<AttentionTag>().Instance.Row.Muted));
        Assert.Same(before, grid.FindComponent<AttentionTag>().Instance);
    }

    [Fact]
    public void NewCalls_WhileACallIsSelected_WaitBehindAButtonInsteadOfMovingTheList()
    {
        Store.WithConnectedCall(Events);
        var cut = Page("call-1");
        var before = Order(cut);

        Store.Apply(Events.Connected(TestEvents.Call2));
        Store.Apply(Events.Connected(Call3));

        cut.WaitForAssertion(() => Assert.Equal("Show 2 new calls", cut.Find("[data-testid=new-calls]").TextContent.Trim()));
        Assert.Equal(before, Order(cut));

        cut.Find("[data-testid=new-calls]").Click();

        // The virtualised grid renders the released rows on its next render pass.
        cut.WaitForAssertion(() => Assert.Equal(3, Order(cut).Count));
        Assert.Empty(cut.FindAll("[data-testid=new-calls]"));
    }

    [Fact]
    public void NewCalls_NothingSelected_AppearAtTheEndInTheDefaultOrder()
    {
        Store.WithConnectedCall(Events);
        var cut = Page();

        Store.Apply(Events.Connected(TestEvents.Call2));

        cut.WaitForAssertion(() => Assert.Equal(2, Order(cut).Count));
        Assert.Empty(cut.FindAll("[data-testid=new-calls]"));
    }

    [Fact]
    public void RingingLongerThanTheThreshold_MarksTheCallWithIconAndWords()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite(target: TestEvents.Agent2));
        var cut = Page();
        Assert.Empty(cut.FindAll("[data-testid=attention]"));

        Time.Advance(CallSupervisor.Core.Settings.QueueTargets.Default.Ringing + TimeSpan.FromSeconds(5));

        cut.WaitForAssertion(() =>
        {
            var mark = cut.Find(".cs-cards [data-testid=attention]");
            Assert.Contains("Ringing", mark.TextContent, StringComparison.Ordinal);
            Assert.NotNull(mark.QuerySelector("svg"));
            Assert.Equal("1", cut.Find("[data-testid=summary-attention]").TextContent);
        });
    }

    [Fact]
    public void EndedCall_DimmedThenHiddenAfterItsMoment()
    {
        Store.WithConnectedCall(Events);
        var cut = Page();
        Store.Apply(Events.Disconnected());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".cs-cards .cs-row-ended")));

        Time.Advance(Dashboard.ShowEndedFor + TimeSpan.FromSeconds(10));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".cs-cards .cs-card")));
    }

    [Fact]
    public void Summary_CountsWaitingAndLongestWait()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite(target: TestEvents.Agent2));
        Time.Advance(TimeSpan.FromSeconds(20));

        var cut = Page();

        Assert.Equal("1", cut.Find("[data-testid=summary-calls]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=summary-waiting]").TextContent);
        Assert.Matches(@"^0:\d\d$", cut.Find("[data-testid=summary-longest-wait]").TextContent);
    }

    [Fact]
    public void HeaderTotals_FollowTheStoreWithTheSameDefinitions()
    {
        var cut = Render<HeaderTotals>();
        Assert.Equal("0", cut.Find("[data-testid=count-calls]").TextContent);

        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite(target: TestEvents.Agent2));
        Store.Apply(Events.MediaStarted("a"));
        Store.Apply(Events.MediaStarted("b"));
        Store.Apply(Events.Connected(TestEvents.Call2));
        Store.Apply(Events.Disconnected(TestEvents.Call2));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("1", cut.Find("[data-testid=count-calls]").TextContent);
            Assert.Equal("1", cut.Find("[data-testid=count-waiting]").TextContent);
            Assert.Equal("1", cut.Find("[data-testid=count-media]").TextContent);
        });
    }

    [Fact]
    public async Task Dispose_EveryStoreSubscriberLetsGo()
    {
        Render<LiveCalls>();
        Render<HeaderTotals>();
        Render<Invitations>();
        Render<Activity>();
        Render<Operations>();
        Assert.Equal(5, Store.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Store.SubscriberCount);
    }
}
