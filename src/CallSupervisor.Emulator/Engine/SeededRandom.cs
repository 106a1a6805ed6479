namespace CallSupervisor.Emulator.Engine;

/// <summary>
/// A thread-safe wrapper of a seeded <see cref="Random"/>: the same seed and the same sequence of requests give the
/// same decisions. Ids that must stay unique across runs (event ids, call ids) do not come from here.
/// </summary>
internal sealed class SeededRandom(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }

    public int Next(int minInclusive, int maxExclusive)
    {
        lock (_gate)
        {
            return _random.Next(minInclusive, maxExclusive);
        }
    }

    public TimeSpan Between(TimeSpan min, TimeSpan max) =>
        max <= min ? min : min + TimeSpan.FromMilliseconds((max - min).TotalMilliseconds * NextDouble());

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An exponential draw (the gap between Poisson arrivals, a patience): memoryless, so a long wait does not make the end nearer.</summary>
    public TimeSpan Exponential(TimeSpan mean) => mean * -Math.Log(1 - NextDouble());

    /// <summary>
    /// A lognormal draw with the given mean, <paramref name="spread"/> the standard deviation of its logarithm,
    /// clamped to [min, max]: talk times are skewed, most short and a few long, never negative.
    /// </summary>
    public TimeSpan LogNormal(TimeSpan mean, double spread, TimeSpan min, TimeSpan max)
    {
        // Box–Muller; the location mu keeps the mean (e^(mu + spread²/2)) at the requested value.
        var normal = Math.Sqrt(-2 * Math.Log(1 - NextDouble())) * Math.Cos(2 * Math.PI * NextDouble());
        var mu = Math.Log(mean.TotalSeconds) - (spread * spread / 2);
        var draw = TimeSpan.FromSeconds(Math.Exp(mu + (spread * normal)));
        return draw < min ? min : draw > max ? max : draw;
    }

    /// <summary>One key drawn by relative weight; null when no weight is positive.</summary>
    public string? Pick(IReadOnlyDictionary<string, double> weights)
    {
        var positive = weights.Where(w => w.Value > 0).OrderBy(w => w.Key, StringComparer.Ordinal).ToList();
        var total = positive.Sum(w => w.Value);
        if (total <= 0)
        {
            return null;
        }
        var draw = NextDouble() * total;
        foreach (var (key, weight) in positive)
        {
            draw -= weight;
            if (draw < 0)
            {
                return key;
            }
        }
        return positive[^1].Key;
    }

    /// <summary>A GUID drawn from the seed (stable identities of generated people across runs).</summary>
    public Guid NextGuid()
    {
        var bytes = new byte[16];
        lock (_gate)
        {
            _random.NextBytes(bytes);
        }
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
