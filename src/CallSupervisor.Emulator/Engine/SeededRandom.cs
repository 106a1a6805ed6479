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
