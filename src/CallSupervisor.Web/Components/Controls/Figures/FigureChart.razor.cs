using CallSupervisor.Web.Theming;
using CallSupervisor.Web.ViewModels.Figures;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Charts;
using MudBlazor.Utilities;

namespace CallSupervisor.Web.Components.Controls.Figures;

public partial class FigureChart
{
    private bool _table;

    [Parameter, EditorRequired] public ChartModel Model { get; set; } = null!;

    [Parameter] public ChartType Type { get; set; } = ChartType.Bar;

    [Parameter] public string Height { get; set; } = "260px";

    /// <summary>The theme mode in use (cascaded by the layouts): the palette follows it.</summary>
    [CascadingParameter(Name = ThemeCascade.DarkMode)] public bool Dark { get; set; }

    private List<ChartSeries<double>> Series { get; set; } = [];

    private string[] Labels { get; set; } = [];

    private IChartOptions Options { get; set; } = new ChartOptions();

    protected override void OnParametersSet()
    {
        Series = [.. Model.Series.Select(s => new ChartSeries<double> { Name = s.Name, Data = new ChartData<double>([.. s.Values]) })];
        Labels = [.. Model.Labels];
        var palette = Model.Series.Select(s => Colour(s.Colour, Dark)).ToArray();
        // Label about eight points on the x axis, however many there are.
        var interval = Math.Max(1, (Model.Labels.Length + 7) / 8);
        Options = Type switch
        {
            ChartType.Line => new LineChartOptions { ChartPalette = palette, XAxisLabelInterval = interval, ShowLegend = true },
            ChartType.StackedBar => new StackedBarChartOptions { ChartPalette = palette, XAxisLabelInterval = interval, ShowLegend = true },
            _ => new BarChartOptions { ChartPalette = palette, XAxisLabelInterval = interval, ShowLegend = true },
        };
    }

    /// <summary>The theme palette's colour for <paramref name="colour"/> in the mode in use.</summary>
    public static string Colour(ChartColour colour, bool dark)
    {
        Palette palette = dark ? AppTheme.Value.PaletteDark : AppTheme.Value.PaletteLight;
        MudColor value = colour switch
        {
            ChartColour.Primary => palette.Primary,
            ChartColour.Success => palette.Success,
            ChartColour.Error => palette.Error,
            ChartColour.Warning => palette.Warning,
            ChartColour.Info => palette.Info,
            ChartColour.Secondary => palette.Secondary,
            ChartColour.Tertiary => palette.Tertiary,
            _ => palette.TextSecondary,
        };
        return value.ToString(MudColorOutputFormats.Hex);
    }
}
