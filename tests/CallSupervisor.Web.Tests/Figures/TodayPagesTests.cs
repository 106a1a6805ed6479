using CallSupervisor.Web.Components.Pages;

namespace CallSupervisor.Web.Tests.Figures;

public sealed class TodayPagesTests : DashboardTestContext
{
    [Fact]
    public void Today_EmptyDay_ShowsEveryQueueAndTheTotalWithDashes()
    {
        var cut = Render<Today>();

        Assert.NotNull(cut.Find("[data-queue-id='total']"));
        foreach (var queue in Directory.Queues)
        {
            Assert.NotNull(cut.Find($"[data-queue-id='{queue.Id}']"));
        }
        Assert.All(cut.FindAll("[data-testid='figure-service-level']"), e => Assert.Equal("—", e.TextContent));
        Assert.Equal(4, cut.FindAll("table.cs-chart-table").Count);
    }

    [Fact]
    public void Wallboard_EmptyDay_ShowsEveryQueueAndAClock()
    {
        var cut = Render<Wallboard>();

        Assert.Equal(Directory.Queues.Length, cut.FindAll("li.cs-wb-queue").Count);
        Assert.Equal("0", cut.Find("[data-testid='wb-total-waiting']").TextContent);
        Assert.Matches(@"^\d\d:\d\d:\d\d$", cut.Find("[data-testid='wb-clock']").TextContent);
        Assert.NotNull(cut.Find("[data-unattended]"));
    }

    [Fact]
    public void Wallboard_CallerQueues_WaitingFollowsThePushAndTheTickGrowsTheLongestWait()
    {
        if (Events.Now > Time.GetUtcNow())
        {
            Time.Advance(Events.Now - Time.GetUtcNow());
        }
        var cut = Render<Wallboard>();
        var sales = () => cut.Find("li[data-queue-id='sales']");

        Store.Queued(Events, new CallId("call-wait"), "sales");

        cut.WaitForAssertion(() => Assert.Equal("1", sales().QuerySelector("[data-testid='wb-waiting']")!.TextContent));
        Time.Advance(TimeSpan.FromSeconds(70));
        // No event came: the page's own tick moved the wait past its limit, and the figure says so.
        cut.WaitForAssertion(() => Assert.Matches(@"^Longest wait 1:\d\d — over 1:00$", sales().QuerySelector("[data-testid='wb-longest-wait-note']")!.TextContent.Trim()));
        Assert.Contains("cs-wb-missed", sales().QuerySelector("[data-figure='longest-wait']")!.ClassList);
    }

    [Fact]
    public async Task Dispose_TodayAndWallboardLetTheStoreGo()
    {
        Render<Today>();
        Render<Wallboard>();
        Assert.Equal(2, Store.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Store.SubscriberCount);
    }
}
