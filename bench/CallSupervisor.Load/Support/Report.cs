using System.Globalization;
using System.Text;

namespace CallSupervisor.Load.Support;

/// <summary>
/// The figures of a run: for each, one value per measured round for the app and for the baseline. Printed as a
/// markdown table with min / median / max of each side and the ratio of the medians (app ÷ baseline).
/// </summary>
public sealed class Report
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];

    public Figure Add(string scenario, string name, string unit, string baseline)
    {
        var figure = new Figure(scenario, name, unit, baseline);
        _figures.Add(figure);
        return figure;
    }

    /// <summary>A line printed under the table (settings, counts, what a figure includes).</summary>
    public void Note(string scenario, string text)
    {
        var line = $"{scenario}: {text}";
        _notes.Add(line);
        Console.WriteLine("  note: " + line);
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | figure | app min / median / max | baseline | baseline min / median / max | app ÷ baseline (medians) |");
        text.AppendLine("| --- | --- | ---: | --- | ---: | ---: |");
        foreach (var f in _figures)
        {
            var app = Stats.Median(f.App);
            var baseline = Stats.Median(f.Baseline);
            var ratio = baseline is > 0 or < 0 && !double.IsNaN(app) ? (app / baseline).ToString("0.00", CultureInfo.InvariantCulture) : "–";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Scenario} | {f.Name} ({f.Unit}) | {Three(f.App)} | {f.BaselineName} | {Three(f.Baseline)} | {ratio} |");
        }
        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine("- " + note);
            }
        }
        return text.ToString();
    }

    private static string Three(IReadOnlyList<double> values) => values.Count == 0
        ? "–"
        : $"{Format(Stats.Min(values))} / {Format(Stats.Median(values))} / {Format(Stats.Max(values))}";

    private static string Format(double value) => Math.Abs(value) switch
    {
        double.NaN => "–",
        >= 1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>One measured quantity; rounds are added as they are measured.</summary>
    public sealed class Figure(string scenario, string name, string unit, string baselineName)
    {
        public string Scenario { get; } = scenario;

        public string Name { get; } = name;

        public string Unit { get; } = unit;

        public string BaselineName { get; } = baselineName;

        public List<double> App { get; } = [];

        public List<double> Baseline { get; } = [];

        public void AddApp(double value)
        {
            App.Add(value);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Scenario} {Name}: app round {App.Count}: {Format(value)} {Unit}"));
        }

        public void AddBaseline(double value)
        {
            Baseline.Add(value);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Scenario} {Name}: baseline round {Baseline.Count}: {Format(value)} {Unit}"));
        }
    }
}
