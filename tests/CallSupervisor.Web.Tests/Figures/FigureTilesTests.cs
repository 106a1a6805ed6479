using CallSupervisor.Web.Components.Controls.Figures;
using MudBlazor;

namespace CallSupervisor.Web.Tests.Figures;

public sealed class FigureTilesTests : DashboardTestContext
{
    [Fact]
    public void QueueTodayCard_EveryFigure_HasItsDefinitionInAHelpTooltip()
    {
        var cut = Render<QueueTodayCard>(p => p.Add(c => c.Queue, FigureSamples.Queue()));

        var tooltips = cut.FindComponents<MudTooltip>().Select(t => t.Instance.Text ?? "").ToList();
        Assert.Equal(13, cut.FindAll(".cs-figure").Count);
        Assert.Equal(13, tooltips.Count);
        Assert.Contains(tooltips, t => t.StartsWith("Callers answered within 20 s ÷ (answered + abandoned + waiting now past 20 s)", StringComparison.Ordinal));
        Assert.Contains(tooltips, t => t.Contains("(on call + wrap-up) ÷ (available + offered + on call + wrap-up)", StringComparison.Ordinal));
        Assert.Contains(tooltips, t => t.StartsWith("Average handle time: (talk + hold + wrap-up) ÷ calls handled", StringComparison.Ordinal));
        // Each help button is named for its figure (a keyboard user tabs to it; the tooltip shows on focus).
        Assert.NotNull(cut.Find("button[aria-label='About service level']"));
    }

    [Fact]
    public void QueueTodayCard_ServiceLevelBelowTarget_SaysSoInWordsAndColour()
    {
        var cut = Render<QueueTodayCard>(p => p.Add(c => c.Queue, FigureSamples.Queue(serviceLevel: 0.62)));

        var tile = cut.Find("[data-figure='service-level']");
        Assert.Equal("62 %", cut.Find("[data-testid='figure-service-level']").TextContent);
        Assert.Contains("cs-figure-missed", tile.ClassList);
        Assert.Contains("below target 80 % in 20 s", tile.TextContent, StringComparison.Ordinal);
        Assert.Contains("Target missed", cut.Find("h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void QueueTodayCard_ServiceLevelOnTarget_ShowsTheTargetAsMet()
    {
        var cut = Render<QueueTodayCard>(p => p.Add(c => c.Queue, FigureSamples.Queue(serviceLevel: 0.82)));

        var tile = cut.Find("[data-figure='service-level']");
        Assert.Contains("cs-figure-met", tile.ClassList);
        Assert.Contains("target 80 % in 20 s", tile.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("below", tile.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void QueueTodayCard_NoCallsYet_ShowsDashesNotZeroPercent()
    {
        var cut = Render<QueueTodayCard>(p => p.Add(c => c.Queue, FigureSamples.Empty()));

        Assert.Equal("—", cut.Find("[data-testid='figure-service-level']").TextContent);
        Assert.Equal("—", cut.Find("[data-testid='figure-asa']").TextContent);
        Assert.Equal("—", cut.Find("[data-testid='figure-occupancy']").TextContent);
        Assert.Equal("—", cut.Find("[data-testid='figure-longest-wait']").TextContent);
        Assert.Empty(cut.FindAll(".cs-figure-missed"));
    }

    [Fact]
    public void QueueTodayCard_LongestWait_GrowsWithTheTimeSinceTheFiguresWereComputed()
    {
        var cut = Render<QueueTodayCard>(p => p
            .Add(c => c.Queue, FigureSamples.Queue(longestWait: TimeSpan.FromSeconds(50), waiting: 1))
            .Add(c => c.SinceComputed, TimeSpan.FromSeconds(20)));

        Assert.Equal("1:10", cut.Find("[data-testid='figure-longest-wait']").TextContent);
        Assert.Contains("over 1:00", cut.Find("[data-figure='longest-wait']").TextContent, StringComparison.Ordinal);
        Assert.Contains("cs-figure-missed", cut.Find("[data-figure='longest-wait']").ClassList);
    }

    [Fact]
    public void QueueTodayCard_AbandonmentOverItsLimit_SaysSo()
    {
        var cut = Render<QueueTodayCard>(p => p.Add(c => c.Queue, FigureSamples.Queue(abandonment: 0.0909)));

        var tile = cut.Find("[data-figure='abandoned']");
        Assert.Equal("3 (9 %)", cut.Find("[data-testid='figure-abandoned']").TextContent);
        Assert.Contains("over the 5 % limit", tile.TextContent, StringComparison.Ordinal);
    }
}
