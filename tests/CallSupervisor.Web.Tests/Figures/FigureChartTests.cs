using CallSupervisor.Core.Settings;
using CallSupervisor.Web.Components.Controls.Figures;
using CallSupervisor.Web.ViewModels.Figures;
using MudBlazor;

namespace CallSupervisor.Web.Tests.Figures;

public sealed class FigureChartTests : DashboardTestContext
{
    [Fact]
    public void FigureChart_CallsPerInterval_HasATableWithTheChartsValues()
    {
        var day = FigureSamples.Day(FigureSamples.Interval(9, 30, 5, 4, 1), FigureSamples.Interval(9, 45, 7, 6, 0));
        var model = TodayCharts.Calls(day, null, TimeZoneInfo.Utc);

        var cut = Render<FigureChart>(p => p.Add(c => c.Model, model));

        var table = cut.Find("table[data-testid='chart-table-calls']");
        Assert.Equal("Calls per 15 minutes", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Interval", "Offered", "Answered", "Abandoned"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var rows = table.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Equal(["5", "4", "1"], rows["09:30"]);
        Assert.Equal(["7", "6", "0"], rows["09:45"]);
        Assert.Equal(["0", "0", "0"], rows["10:00"]);
        // The chart is drawn from the same series; its picture is hidden from screen readers, the table is not.
        var chart = cut.FindComponent<MudChart<double>>();
        Assert.Equal(model.Series.Select(s => s.Name), chart.Instance.ChartSeries.Select(s => s.Name));
        Assert.Equal("true", cut.Find(".cs-chart-picture").GetAttribute("aria-hidden"));
        Assert.Contains("cs-sr-only", cut.Find(".cs-chart-table-wrap").ClassList);
    }

    [Fact]
    public void FigureChart_TableToggle_ShowsTheTableInsteadOfThePicture()
    {
        var model = TodayCharts.Calls(FigureSamples.Day(FigureSamples.Interval(9, 30, 5, 4, 1)), null, TimeZoneInfo.Utc);
        var cut = Render<FigureChart>(p => p.Add(c => c.Model, model));

        cut.Find("button[aria-pressed]").Click();

        Assert.Empty(cut.FindAll(".cs-chart-picture"));
        Assert.DoesNotContain("cs-sr-only", cut.Find(".cs-chart-table-wrap").ClassList);
        Assert.Equal("true", cut.Find("button[aria-pressed]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void FigureChart_ServiceLevel_TableHasTheLevelSoFarAndTheTarget()
    {
        var day = FigureSamples.Day(FigureSamples.Interval(9, 30, 5, 4, 1, soFar: 0.6), FigureSamples.Interval(9, 45, 0, 0, 0));
        var model = TodayCharts.ServiceLevel(day, null, QueueTargets.Default, TimeZoneInfo.Utc);

        var cut = Render<FigureChart>(p => p.Add(c => c.Model, model).Add(c => c.Type, ChartType.Line));

        var rows = cut.FindAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Equal(["60 %", "80 %"], rows["09:30"]);
        // "So far" carries through an interval with no call.
        Assert.Equal(["60 %", "80 %"], rows["09:45"]);
        Assert.Equal(["—", "80 %"], rows["08:15"]);
    }
}
