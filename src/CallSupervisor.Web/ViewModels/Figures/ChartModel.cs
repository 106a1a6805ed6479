using System.Collections.Immutable;

namespace CallSupervisor.Web.ViewModels.Figures;

/// <summary>A chart colour by its meaning; the chart takes the theme palette's colour for it (light or dark).</summary>
public enum ChartColour
{
    Primary,
    Success,
    Error,
    Warning,
    Info,
    Secondary,
    Tertiary,
    Neutral,
}

/// <summary>One line or set of bars: its name (the legend's word) and a value per label (null: none).</summary>
public sealed record ChartSeriesModel(string Name, ImmutableArray<double?> Values, ChartColour Colour);

/// <summary>
/// What a chart shows, once: the chart and its table alternative are both drawn from this, so they cannot disagree.
/// <see cref="Labels"/> are the x axis (and the table's row headers), <see cref="Format"/> writes a value in the table.
/// </summary>
public sealed record ChartModel(
    string Key,
    string Title,
    string Summary,
    string LabelHeader,
    ImmutableArray<string> Labels,
    ImmutableArray<ChartSeriesModel> Series,
    Func<double?, string> Format)
{
    /// <summary>The value of <paramref name="series"/> at <paramref name="label"/>, as the table writes it.</summary>
    public string Cell(int series, int label) => Format(Series[series].Values[label]);

    public bool IsEmpty => Labels.IsEmpty;
}
