using CallSupervisor.Core.Figures;
using CallSupervisor.Web.Components.Controls.Figures;

namespace CallSupervisor.Web.Tests.Figures;

public sealed class WallboardQueueTests : DashboardTestContext
{
    [Fact]
    public void WallboardQueue_TargetsMissed_SaysEachInWordsWithTheMissedColour()
    {
        var queue = FigureSamples.Queue(serviceLevel: 0.62, longestWait: TimeSpan.FromSeconds(130), waiting: 3,
            agents: new AgentCounts(0, 0, 2, 0, 1, 0));

        var cut = Render<WallboardQueue>(p => p.Add(c => c.Queue, queue));

        Assert.Equal("Service level 62 % — target 80 %", cut.Find("[data-testid='wb-service-level-note']").TextContent.Trim());
        Assert.Equal("Longest wait 2:10 — over 1:00", cut.Find("[data-testid='wb-longest-wait-note']").TextContent.Trim());
        Assert.Equal("No agent free", cut.Find("[data-testid='wb-available-note']").TextContent.Trim());
        Assert.Equal(3, cut.FindAll(".cs-wb-missed").Count);
        Assert.Contains("cs-wb-queue-missed", cut.Find("li").ClassList);
    }

    [Fact]
    public void WallboardQueue_OnTarget_ShowsNoMissedMark()
    {
        var queue = FigureSamples.Queue(serviceLevel: 0.9, longestWait: TimeSpan.FromSeconds(15), waiting: 1);

        var cut = Render<WallboardQueue>(p => p.Add(c => c.Queue, queue));

        Assert.Empty(cut.FindAll(".cs-wb-missed"));
        Assert.DoesNotContain("cs-wb-queue-missed", cut.Find("li").ClassList);
        Assert.Equal("90 %", cut.Find("[data-testid='wb-service-level']").TextContent);
        Assert.Equal("Target 80 % in 20 s", cut.Find("[data-testid='wb-service-level-note']").TextContent.Trim());
        Assert.Equal("0:15", cut.Find("[data-testid='wb-longest-wait']").TextContent);
        Assert.Equal("2", cut.Find("[data-testid='wb-available']").TextContent);
    }

    [Fact]
    public void WallboardQueue_NoData_ShowsDashes()
    {
        var cut = Render<WallboardQueue>(p => p.Add(c => c.Queue, FigureSamples.Empty()));

        Assert.Equal("—", cut.Find("[data-testid='wb-service-level']").TextContent);
        Assert.Equal("—", cut.Find("[data-testid='wb-longest-wait']").TextContent);
        Assert.Equal("0", cut.Find("[data-testid='wb-waiting']").TextContent);
        Assert.Empty(cut.FindAll(".cs-wb-missed"));
    }
}
