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
}
