namespace CallSupervisor.Load.Support;

/// <summary>Order statistics of one sample (nearest rank: a percentile is always a value that was measured).</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    public static double Max(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Max();

    public static double Min(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Min();
}
