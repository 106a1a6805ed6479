namespace CallSupervisor.Core.Diagnostics;

/// <summary>
/// Durations of the last minute, counted in logarithmic buckets (each 20 % wider than the one before, from 10 µs to
/// over a minute) in six ten-second slots: percentiles to within a bucket's width, in constant memory and constant
/// time per sample however many arrive. What the Operations page shows as p50/p99; exporters get the histogram itself.
/// </summary>
public sealed class RollingLatency(TimeProvider time)
{
    private const int Slots = 6;
    private const long SlotSeconds = 10;
    private const double Smallest = 0.00001;
    private const double Growth = 1.2;
    private static readonly double LogGrowth = Math.Log(Growth);
    private static readonly int Buckets = (int)Math.Ceiling(Math.Log(120 / Smallest) / LogGrowth) + 1;

    private readonly Lock _gate = new();
    private readonly long[][] _counts = Enumerable.Range(0, Slots).Select(_ => new long[Buckets]).ToArray();
    private readonly long[] _slotStart = new long[Slots];

    /// <summary>Counts one duration, in seconds.</summary>
    public void Record(double seconds)
    {
        var bucket = BucketOf(seconds);
        var period = time.GetUtcNow().ToUnixTimeSeconds() / SlotSeconds;
        var slot = (int)(period % Slots);
        lock (_gate)
        {
            if (_slotStart[slot] != period)
            {
                _slotStart[slot] = period;
                Array.Clear(_counts[slot]);
            }
            _counts[slot][bucket]++;
        }
    }

    /// <summary>How many durations, their median and 99th percentile (seconds) over the last minute; null when none.</summary>
    public LatencySummary? Read()
    {
        var period = time.GetUtcNow().ToUnixTimeSeconds() / SlotSeconds;
        var merged = new long[Buckets];
        long count = 0;
        lock (_gate)
        {
            for (var s = 0; s < Slots; s++)
            {
                if (period - _slotStart[s] >= Slots)
                {
                    continue;
                }
                for (var b = 0; b < Buckets; b++)
                {
                    merged[b] += _counts[s][b];
                    count += _counts[s][b];
                }
            }
        }
        return count == 0 ? null : new LatencySummary(count, Percentile(merged, count, 0.5), Percentile(merged, count, 0.99));
    }

    private static double Percentile(long[] counts, long total, double quantile)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var b = 0; b < counts.Length; b++)
        {
            seen += counts[b];
            if (seen >= rank)
            {
                return UpperBound(b);
            }
        }
        return UpperBound(counts.Length - 1);
    }

    // Bucket 0 holds everything up to Smallest; bucket b holds (Smallest·Growth^(b-1), Smallest·Growth^b].
    private static int BucketOf(double seconds) =>
        seconds <= Smallest ? 0 : Math.Min((int)Math.Ceiling(Math.Log(seconds / Smallest) / LogGrowth - 1e-9), Buckets - 1);

    private static double UpperBound(int bucket) => Smallest * Math.Pow(Growth, bucket);
}

/// <summary>A minute of durations: how many, and their median and 99th percentile in seconds (each a bucket's upper bound).</summary>
public sealed record LatencySummary(long Count, double P50, double P99);
