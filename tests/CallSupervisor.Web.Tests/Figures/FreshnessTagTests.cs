using CallSupervisor.Web.Components.Controls;
using MudBlazor;

namespace CallSupervisor.Web.Tests.Figures;

public sealed class FreshnessTagTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = FigureSamples.Now;

    [Fact]
    public void FreshnessTag_RecentEvent_SaysHowLongAgoWithoutMark()
    {
        var cut = Render<FreshnessTag>(p => p.Add(c => c.LastEventAt, Now.AddSeconds(-12)).Add(c => c.IsLive, true).Add(c => c.Now, Now));

        Assert.Equal("Last event 0:12 ago", cut.Find(".cs-freshness-age").TextContent);
        Assert.Empty(cut.FindAll("[data-testid='rereading']"));
    }

    [Fact]
    public void FreshnessTag_LiveCallSilentPastTheReReadInterval_IsMarkedReReadingWithWhy()
    {
        var cut = Render<FreshnessTag>(p => p.Add(c => c.LastEventAt, Now.AddSeconds(-45)).Add(c => c.IsLive, true)
            .Add(c => c.Platform, CallPlatform.Acs).Add(c => c.Now, Now));

        var mark = cut.Find("[data-testid='rereading']");
        Assert.StartsWith("Re-reading", mark.TextContent, StringComparison.Ordinal);
        Assert.Contains("No event for 0:45, longer than the re-read interval (30 s)", cut.FindComponent<MudTooltip>().Instance.Text, StringComparison.Ordinal);
        Assert.Contains("No event for 0:45", mark.QuerySelector(".cs-sr-only")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void FreshnessTag_EndedCall_IsNeverMarkedReReading()
    {
        var cut = Render<FreshnessTag>(p => p.Add(c => c.LastEventAt, Now.AddMinutes(-5)).Add(c => c.IsLive, false).Add(c => c.Now, Now));

        Assert.Empty(cut.FindAll("[data-testid='rereading']"));
    }

    [Fact]
    public void FreshnessTag_Compact_FitsAGridCell()
    {
        var cut = Render<FreshnessTag>(p => p.Add(c => c.LastEventAt, Now.AddSeconds(-7)).Add(c => c.IsLive, true).Add(c => c.Now, Now).Add(c => c.Compact, true));

        Assert.Equal("0:07 ago", cut.Find(".cs-freshness-age").TextContent);
    }
}
